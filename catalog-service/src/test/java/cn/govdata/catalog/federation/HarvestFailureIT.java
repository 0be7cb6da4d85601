package cn.govdata.catalog.federation;

import static cn.govdata.catalog.federation.FederationNodes.ADMIN;
import static cn.govdata.catalog.federation.FederationNodes.peer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.federation.FederationNodes.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A harvest run that fails (a peer answering garbage, a CKAN error, an invalid package) leaves the
 * previous harvest as it was. Registers its own peer 珠海, served by a fake CKAN endpoint.
 */
class HarvestFailureIT extends FederationSupport {

  @Test
  void aPeerAnsweringGarbageOrACkanErrorFailsTheRunAndLeavesThePreviousHarvest() throws Exception {
    AtomicReference<String> answer = new AtomicReference<>(validPackages());
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext(
        "/",
        exchange -> {
          byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fake.start();
    try {
      Map<String, Object> request =
          peer("zh-city", "珠海市节点", "440400", "CITY", publicKey(guangzhou));
      request.put("baseUrl", "http://127.0.0.1:" + fake.getAddress().getPort());
      Response created = call(province, "POST", "/api/v1/federation/peers", request, ADMIN);
      assertStatus(created, 201);
      long peer = created.json().path("id").asLong();
      assertThat(harvest(peer).path("found").asInt()).isEqualTo(2);

      answer.set("<html><body>维护中 under maintenance</body></html>");
      JsonNode garbage = harvest(peer);
      assertThat(garbage.path("status").asText()).isEqualTo("FAILED");
      assertThat(garbage.path("error").asText()).contains("not JSON", "维护中");

      answer.set(
          "{\"success\": false, \"error\": {\"__type\": \"Search Error\", \"message\": \"search is"
              + " down\"}}");
      JsonNode ckanError = harvest(peer);
      assertThat(ckanError.path("status").asText()).isEqualTo("FAILED");
      assertThat(ckanError.path("error").asText()).contains("Search Error", "search is down");

      // the second package lacks a title: nothing of this run may be applied, not even the first
      answer.set(validPackages().replace("\"title\": \"珠海数据二\"", "\"title\": \"\""));
      assertThat(harvest(peer).path("status").asText()).isEqualTo("FAILED");

      JsonNode kept = harvested("zh-city", true);
      assertThat(kept.path("total").asLong()).isEqualTo(2);
      kept.path("items").forEach(item -> assertThat(item.path("withdrawnAt").isNull()).isTrue());
      assertThat(kept.path("items").findValuesAsText("title")).contains("珠海数据一", "珠海数据二");
      JsonNode runs =
          call(province, "GET", "/api/v1/federation/peers/" + peer + "/harvests", null, ADMIN)
              .json();
      assertThat(runs.findValuesAsText("status"))
          .containsExactly("FAILED", "FAILED", "FAILED", "SUCCEEDED");
    } finally {
      fake.stop(0);
    }
  }

  /** A CKAN package_search answer with two packages, as a peer would send it. */
  static String validPackages() {
    return """
        {"help": "h", "success": true, "result": {"count": 2, "results": [
          {"id": "901", "name": "d-zh-1", "title": "珠海数据一", "url": "https://zh.test/dataset/901",
           "metadata_modified": "2026-01-01T00:00:00", "organization": {"title": "珠海市统计局"},
           "extras": [{"key": "region_code", "value": "440400"}, {"key": "open_type", "value": "无条件开放"}]},
          {"id": "902", "name": "d-zh-2", "title": "珠海数据二", "url": "https://zh.test/dataset/902",
           "metadata_modified": "2026-01-02T00:00:00", "organization": {"title": "珠海市统计局"},
           "extras": []}]}}
        """;
  }
}
