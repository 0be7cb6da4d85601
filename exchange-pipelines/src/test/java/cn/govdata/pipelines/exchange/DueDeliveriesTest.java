package cn.govdata.pipelines.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.pipelines.delivery.DeliveryRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deliver-due} against a stub of the control plane's contract (a JDK HTTP server answering
 * {@code GET /api/v1/subscriptions/due} and recording {@code POST /api/v1/deliveries/{id}/status}),
 * with a runner that records what it was asked to deliver instead of running Spark.
 */
class DueDeliveriesTest {

  static final String API_KEY = "node-key-123";

  static final String DUE =
      """
      [
        {"subscriptionId": "sub-1", "deliveryId": "sub-1-0003", "applicationId": "app-7",
         "resourceCode": "101101/000001", "database": "population", "table": "person",
         "mode": "INCREMENTAL", "lastSnapshotId": 5318008123456789012,
         "columns": ["id", "name", "region_code"], "regionCodes": ["440600", "440106"],
         "regionColumn": "region_code",
         "target": {"type": "NODE", "peerNodeId": "fs-city",
                    "exchangeUrl": "https://127.0.0.1:8443", "format": "CSV"}},
        {"subscriptionId": "sub-2", "deliveryId": "sub-2-0001", "applicationId": null,
         "resourceCode": "101101/000002", "database": "legal", "table": "entity",
         "mode": "FULL", "lastSnapshotId": null, "columns": [], "regionCodes": [],
         "regionColumn": null,
         "target": {"type": "NODE", "peerNodeId": "gz-city", "exchangeUrl": null,
                    "format": "PARQUET"}}
      ]
      """;

  HttpServer controlPlane;
  String dueAnswer = DUE;
  List<String> statusPaths = new CopyOnWriteArrayList<>();
  List<Map<String, Object>> statuses = new CopyOnWriteArrayList<>();
  List<String> keysSeen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    controlPlane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    controlPlane.createContext("/api/v1/", this::answer);
    controlPlane.start();
  }

  @AfterEach
  void stop() {
    controlPlane.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String key = exchange.getRequestHeaders().getFirst("X-API-Key");
      keysSeen.add(String.valueOf(key));
      if (!API_KEY.equals(key)) {
        respond(exchange, 401, "{\"title\":\"unauthorised\"}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/subscriptions/due")) {
        respond(exchange, 200, dueAnswer);
      } else if (exchange.getRequestMethod().equals("POST")
          && path.matches("/api/v1/deliveries/[^/]+/status")) {
        statusPaths.add(path);
        statuses.add(
            CanonicalJson.readObject(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
      } else {
        respond(exchange, 404, "{}");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  DueDeliveries deliveries(String apiKey, DueDeliveries.Runner runner) {
    return new DueDeliveries(
        HttpClient.newHttpClient(),
        URI.create("http://127.0.0.1:" + controlPlane.getAddress().getPort() + "/"),
        apiKey,
        runner);
  }

  @Test
  void eachDueDeliveryIsRunAsItsSubscriptionSaysAndItsOutcomeReported() {
    List<DueDelivery> asked = new ArrayList<>();
    int ran =
        deliveries(
                API_KEY,
                due -> {
                  asked.add(due);
                  return due.subscriptionId().equals("sub-1")
                      ? new DueDeliveries.Outcome(
                          "DELIVERED",
                          1,
                          null,
                          77L,
                          1234,
                          56789,
                          "{\"signed\":\"receipt\"}",
                          "{\"signed\":\"manifest\"}")
                      : new DueDeliveries.Outcome(
                          "FAILED",
                          5,
                          "UncheckedIOException: peer gz-city: refused",
                          78L,
                          0,
                          0,
                          null,
                          null);
                })
            .runOnce();

    assertThat(ran).isEqualTo(2);
    assertThat(keysSeen).containsOnly(API_KEY);

    DeliveryRequest incremental = asked.get(0).request("gd-province");
    assertThat(incremental.deliveryId()).isEqualTo("sub-1-0003");
    assertThat(incremental.table()).isEqualTo("govdata.population.person");
    assertThat(incremental.baseSnapshotId()).isEqualTo(5318008123456789012L);
    assertThat(incremental.snapshotId()).isNull();
    assertThat(incremental.columns()).containsExactly("id", "name", "region_code");
    assertThat(incremental.rowFilter())
        .isEqualTo("(region_code LIKE '4406%' OR region_code LIKE '440106%')");
    assertThat(incremental.policies())
        .containsExactly(
            "subscription:sub-1", "application:app-7", "row-filter:region_code in 440600,440106");
    assertThat(incremental.receiverNode()).isEqualTo("fs-city");
    assertThat(asked.get(0).target())
        .isEqualTo(
            new DueDelivery.Target("NODE", "fs-city", "https://127.0.0.1:8443", "CSV", null));

    DeliveryRequest full = asked.get(1).request("gd-province");
    assertThat(full.table()).isEqualTo("govdata.legal.entity");
    assertThat(full.baseSnapshotId()).isNull();
    assertThat(full.rowFilter()).isNull();
    assertThat(full.columns()).isEmpty();
    assertThat(asked.get(1).target().exchangeUrl()).isNull();

    assertThat(statusPaths)
        .containsExactly(
            "/api/v1/deliveries/sub-1-0003/status", "/api/v1/deliveries/sub-2-0001/status");
    assertThat(statuses.get(0))
        .containsEntry("subscriptionId", "sub-1")
        .containsEntry("state", "DELIVERED")
        .containsEntry("attempts", 1L)
        .containsEntry("lastError", null)
        .containsEntry("snapshotId", 77L)
        .containsEntry("rows", 1234L)
        .containsEntry("bytes", 56789L)
        .containsEntry("receiptJson", "{\"signed\":\"receipt\"}")
        .containsEntry("manifestJson", "{\"signed\":\"manifest\"}");
    assertThat(statuses.get(1))
        .containsEntry("subscriptionId", "sub-2")
        .containsEntry("state", "FAILED")
        .containsEntry("attempts", 5L)
        .containsEntry("lastError", "UncheckedIOException: peer gz-city: refused")
        .containsEntry("receiptJson", null);
  }

  @Test
  void aDeliveryThatCannotStartIsReportedFailedAndTheOthersStillRun() {
    dueAnswer = DUE.replace("\"440106\"", "\"4401\"");
    List<String> ran = new ArrayList<>();

    deliveries(
            API_KEY,
            due -> {
              due.request("gd-province");
              ran.add(due.deliveryId());
              return new DueDeliveries.Outcome("DELIVERED", 1, null, 1L, 0, 0, null, null);
            })
        .runOnce();

    assertThat(ran).containsExactly("sub-2-0001");
    assertThat(statuses.get(0)).containsEntry("state", "FAILED").containsEntry("attempts", 0L);
    assertThat((String) statuses.get(0).get("lastError"))
        .contains("region code '4401' is not six digits");
    assertThat(statuses.get(1)).containsEntry("state", "DELIVERED");
  }

  @Test
  void aWrongApiKeyStopsTheRoundWithTheControlPlanesAnswer() {
    assertThatThrownBy(() -> deliveries("wrong", due -> null).runOnce())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("401");
    assertThat(statuses).isEmpty();
  }

  @Test
  void aDueDeliveryMissingAFieldIsRefusedNamingIt() {
    dueAnswer = DUE.replace("\"database\": \"legal\",", "");

    assertThatThrownBy(() -> deliveries(API_KEY, due -> null).runOnce())
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("[1].database");
    assertThat(statuses).isEmpty();
  }

  @Test
  void regionCodesFilterByTheirPrefix() {
    assertThat(DueDelivery.prefix("440000")).isEqualTo("44");
    assertThat(DueDelivery.prefix("440600")).isEqualTo("4406");
    assertThat(DueDelivery.prefix("440604")).isEqualTo("440604");
  }
}
