package cn.govdata.catalog.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.CatalogApplication;
import cn.govdata.catalog.Fixtures;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ManifestField;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.exchange.NodeCertificates;
import cn.govdata.search.local.LocalElasticsearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three nodes in one JVM, each its own Spring Boot context on a random port with its own H2
 * database and home: the province 440000 and the cities 佛山 440600 and 广州 440100, searching one
 * local Elasticsearch (an alias each). The province registers the cities as peers, harvests their
 * directories through their CKAN API, and runs application → approval → subscription → delivery
 * reports for a 佛山 department; plus the peer registry's validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationIT {

  static final String ADMIN = "admin:it-admin-password";
  static final String PASSWORD = "it-password-1";

  /** The nodes' own mapper, so that directory types are written as the API reads them. */
  static ObjectMapper JSON;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final HttpClient client = HttpClient.newHttpClient();
  final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  Node province;
  Node foshan;
  Node guangzhou;
  long foshanPeer;
  long guangzhouPeer;
  List<Long> foshanEntries = new ArrayList<>();
  long provinceProvider;
  long conditionalEntry;

  /** A running node: where it answers and its home directory. */
  record Node(String name, String baseUrl, Path home) {}

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  @BeforeAll
  void nodes() throws Exception {
    String search = LocalElasticsearch.shared().url().toString();
    province = start("province", "gd-province", "440000", "PROVINCE", search);
    JSON = contexts.get(0).getBean(ObjectMapper.class);
    foshan = start("foshan", "fs-city", "440600", "CITY", search);
    guangzhou = start("guangzhou", "gz-city", "440100", "CITY", search);

    // each city publishes open entries; 佛山 also a shared-only one, which is not on its open list
    long foshanDepartment =
        zone(foshan, Fixtures.department("佛山市统计局", 601, "440600", AdministrativeLevel.CITY));
    ProviderDepartment foshanProvider = department(foshan, foshanDepartment);
    for (int i = 1; i <= 3; i++) {
      foshanEntries.add(
          publish(
              foshan,
              Fixtures.openResource(
                  foshanProvider, Fixtures.departmental("20" + i, "测试目20" + i), "佛山开放数据" + i)));
    }
    publish(
        foshan,
        Fixtures.sharedResource(foshanProvider, Fixtures.departmental("209", "测试目209"), "佛山共享数据"));
    long guangzhouDepartment =
        zone(guangzhou, Fixtures.department("广州市统计局", 101, "440100", AdministrativeLevel.CITY));
    ProviderDepartment guangzhouProvider = department(guangzhou, guangzhouDepartment);
    for (int i = 1; i <= 2; i++) {
      publish(
          guangzhou,
          Fixtures.openResource(
              guangzhouProvider, Fixtures.departmental("30" + i, "测试目30" + i), "广州开放数据" + i));
    }
    for (Node city : List.of(foshan, guangzhou)) {
      assertStatus(call(city, "POST", "/api/v1/search/rebuild", null, ADMIN), 200);
    }

    // the province's 有条件共享 resource, provided by a province department
    provinceProvider =
        zone(province, Fixtures.department("广东省民政厅", 401, "440000", AdministrativeLevel.PROVINCE));
    conditionalEntry =
        publish(province, conditionalResource(department(province, provinceProvider)));

    foshanPeer = registerPeer(foshan, "佛山市节点");
    guangzhouPeer = registerPeer(guangzhou, "广州市节点");
  }

  @AfterAll
  void stop() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }

  // ------------------------------------------------------------ node and peer registry

  @Test
  void eachNodeAnswersItsIdentityAndTheKeyKeptInItsHome() throws IOException {
    JsonNode node = call(foshan, "GET", "/api/v1/federation/node", null, null).json();
    assertThat(node.path("nodeId").asText()).isEqualTo("fs-city");
    assertThat(node.path("regionCode").asText()).isEqualTo("440600");
    assertThat(node.path("level").asText()).isEqualTo("CITY");
    assertThat(node.path("baseUrl").asText()).isEqualTo(foshan.baseUrl());
    assertThat(node.path("publicKey").asText())
        .isEqualTo(Files.readString(foshan.home().resolve("node/node-key.pem.pub")).strip());
    assertThat(node.path("certificatePem").isNull()).isTrue();
  }

  @Test
  void thePeerRegistryNamesEveryBadFieldAndIsForAdministratorsOnly() throws Exception {
    String key = publicKey(guangzhou);
    Map<String, Object> good = peer("sz-city", "深圳市节点", "440300", "CITY", key);

    assertStatus(call(province, "POST", "/api/v1/federation/peers", good, "prov-cat"), 403);
    assertStatus(call(province, "GET", "/api/v1/federation/peers", null, null), 401);

    assertInvalid(with(good, "nodeId", "Not An Id"), "nodeId", "node-id.format");
    assertInvalid(with(good, "regionCode", "449999"), "regionCode", "region.unknown");
    assertInvalid(with(good, "regionCode", "44030"), "regionCode", "region.format");
    assertInvalid(with(good, "level", "PROVINCE"), "level", "peer.level-mismatch");
    assertInvalid(with(good, "baseUrl", "ftp://example.org"), "baseUrl", "url.format");
    assertInvalid(with(good, "baseUrl", null), "baseUrl", "required");
    assertInvalid(with(good, "exchangeUrl", "not a url"), "exchangeUrl", "url.format");
    assertInvalid(with(good, "publicKey", "c2hvcnQ="), "publicKey", "ed25519-public-key");
    assertInvalid(
        with(
            good, "certificatePem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
        "certificatePem",
        "certificate.malformed");
    assertInvalid(
        with(good, "certificatePem", certificate("CN=expired", -400, 30)),
        "certificatePem",
        "certificate.expired");
    assertThat(peerIds()).as("nothing of a refused peer is stored").doesNotContain("sz-city");

    String pem = certificate("CN=sz-city.agent,O=govdata", 0, 365);
    Response created =
        call(
            province, "POST", "/api/v1/federation/peers", with(good, "certificatePem", pem), ADMIN);
    assertStatus(created, 201);
    JsonNode peer = created.json();
    assertThat(peer.path("certificateSubject").asText()).isEqualTo("CN=sz-city.agent,O=govdata");
    assertThat(peer.path("certificateNotAfter").asText())
        .startsWith(LocalDate.now().getYear() + 1 + "");
    assertThat(peer.path("relation").asText()).isEqualTo("BELOW");
    assertInvalid(good, "nodeId", "peer.duplicate");

    JsonNode trustStore = JSON.readTree(province.home().resolve("federation/peers.json").toFile());
    JsonNode entry = null;
    for (JsonNode candidate : trustStore) {
      if (candidate.path("nodeId").asText().equals("sz-city")) {
        entry = candidate;
      }
    }
    assertThat(entry).as("peers.json holds the new peer").isNotNull();
    assertThat(entry.path("region").asText()).isEqualTo("440300");
    assertThat(entry.path("publicKey").asText()).isEqualTo(key);
    assertThat(entry.path("certificatePem").asText()).contains("BEGIN CERTIFICATE");
    assertThat(entry.path("enabled").asBoolean()).isTrue();

    Response disabled =
        call(
            province,
            "PUT",
            "/api/v1/federation/peers/" + peer.path("id").asLong(),
            with(good, "enabled", false),
            ADMIN);
    assertStatus(disabled, 200);
    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    JsonNode rewritten = JSON.readTree(province.home().resolve("federation/peers.json").toFile());
    for (JsonNode candidate : rewritten) {
      if (candidate.path("nodeId").asText().equals("sz-city")) {
        assertThat(candidate.path("enabled").asBoolean()).isFalse();
      }
    }
    assertStatus(
        call(
            province,
            "POST",
            "/api/v1/federation/peers/" + peer.path("id").asLong() + "/harvest",
            null,
            ADMIN),
        409);

    JsonNode audit = call(province, "GET", "/api/v1/audit?action=PEER_UPDATED", null, ADMIN).json();
    assertThat(audit.path("items").findValuesAsText("detail"))
        .anyMatch(detail -> detail.contains("sz-city"));
  }

  // ------------------------------------------------------------ harvest

  @Test
  void theProvinceHarvestsEachCitysOpenDirectoryAndMarksRetiredEntriesWithdrawn() {
    JsonNode first = harvest(foshanPeer);
    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
    assertThat(first.path("found").asInt()).isEqualTo(3).isEqualTo(ckanCount(foshan));
    assertThat(harvested("fs-city", false).path("total").asLong()).isEqualTo(3);
    JsonNode second = harvest(guangzhouPeer);
    assertThat(second.path("found").asInt()).isEqualTo(2).isEqualTo(ckanCount(guangzhou));
    assertThat(harvested("gz-city", false).path("total").asLong()).isEqualTo(2);

    JsonNode entry = harvested("fs-city", false).path("items").get(0);
    assertThat(entry.path("peerName").asText()).isEqualTo("佛山市节点");
    assertThat(entry.path("organisation").asText()).isEqualTo("佛山市统计局");
    assertThat(entry.path("regionCode").asText()).isEqualTo("440600");
    assertThat(entry.path("url").asText()).startsWith(foshan.baseUrl() + "/dataset/");
    String page = call(province, "GET", "/federation", null, null).body();
    assertThat(page).contains("下级目录", "佛山市节点", "广州市节点", entry.path("title").asText());
    assertThat(page).contains("href=\"" + entry.path("url").asText() + "\"");

    long retired = foshanEntries.get(0);
    Map<String, Object> transition = new HashMap<>();
    transition.put("to", "RETIRED");
    transition.put("reason", "数据已停止更新");
    assertStatus(
        call(foshan, "POST", "/api/v1/entries/" + retired + "/transitions", transition, "city-cat"),
        200);
    JsonNode again = harvest(foshanPeer);
    assertThat(again.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(again.path("found").asInt()).isEqualTo(2);
    assertThat(again.path("withdrawn").asInt()).isEqualTo(1);
    assertThat(again.path("added").asInt()).isZero();
    assertThat(harvested("fs-city", false).path("total").asLong()).isEqualTo(2);
    JsonNode all = harvested("fs-city", true);
    assertThat(all.path("total").asLong()).isEqualTo(3);
    for (JsonNode item : all.path("items")) {
      assertThat(item.path("withdrawnAt").isNull())
          .as(item.toString())
          .isEqualTo(!item.path("remoteId").asText().equals(Long.toString(retired)));
    }
  }

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

  // ------------------------------------------------------------ subscriptions

  @Test
  void aFoshanDepartmentsApprovedApplicationIsSubscribedAndDeliveredByTheProvidersAgent()
      throws Exception {
    // the province's 有条件共享 resource, with a gateway table that has a region column
    long provider = provinceProvider;
    department(
        province,
        "prov-fs",
        Fixtures.department("佛山市民政局", 402, "440600", AdministrativeLevel.CITY));
    long other =
        department(
            province,
            "prov-gz",
            Fixtures.department("广州市民政局", 403, "440100", AdministrativeLevel.CITY));
    String providerAgent = agent("prov-agent", provider);
    String otherAgent = agent("gz-agent", other);
    long entry = conditionalEntry;
    Map<String, Object> table = new HashMap<>();
    table.put("database", "civil");
    table.put("table", "assistance");
    table.put("columns", Map.of("统计日期", "stat_date", "数量", "amount", "行政区划", "region_code"));
    table.put("regionColumn", "region_code");
    assertStatus(call(province, "PUT", "/api/v1/data/" + entry + "/table", table, ADMIN), 200);

    Map<String, Object> application = new HashMap<>();
    application.put("entryId", entry);
    application.put("purpose", "核验低保申请人的家庭情况");
    application.put("legalBasis", "《社会救助暂行办法》第十一条");
    application.put("items", List.of("统计日期", "数量", "行政区划"));
    application.put("regionCodes", List.of("440600"));
    application.put("validFrom", LocalDate.now().toString());
    application.put("validUntil", LocalDate.now().plusDays(30).toString());
    Response applied = call(province, "POST", "/api/v1/applications", application, "prov-fs");
    assertStatus(applied, 201);
    long applicationId = applied.json().path("id").asLong();

    Map<String, Object> subscription = new HashMap<>();
    subscription.put("applicationId", applicationId);
    subscription.put("mode", "INCREMENTAL");
    subscription.put("schedule", "0 2 * * *");
    subscription.put("target", Map.of("type", "NODE", "peerNodeId", "fs-city"));
    assertProblem(
        call(province, "POST", "/api/v1/subscriptions", subscription, "prov-fs"),
        409,
        "subscription.not-granted");

    assertStatus(
        call(
            province,
            "POST",
            "/api/v1/applications/" + applicationId + "/approve",
            Map.of("items", List.of("数量", "行政区划")),
            "prov-cat"),
        200);
    assertProblem(
        call(province, "POST", "/api/v1/subscriptions", subscription, "prov-cat"),
        403,
        "subscription.applicant-only");
    assertProblem(
        call(province, "POST", "/api/v1/subscriptions", subscription, "prov-gz"), 404, "not-found");
    assertProblem(
        call(
            province,
            "POST",
            "/api/v1/subscriptions",
            with(subscription, "schedule", "every day"),
            "prov-fs"),
        400,
        "schedule.format");
    assertProblem(
        call(
            province,
            "POST",
            "/api/v1/subscriptions",
            with(subscription, "target", Map.of("type", "NODE", "peerNodeId", "no-such-node")),
            "prov-fs"),
        400,
        "peer.unknown");
    Response created = call(province, "POST", "/api/v1/subscriptions", subscription, "prov-fs");
    assertStatus(created, 201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("columns").toString()).isEqualTo("[\"amount\",\"region_code\"]");
    assertThat(created.json().path("regionCodes").toString()).isEqualTo("[\"440600\"]");

    JsonNode due = call(province, "GET", "/api/v1/subscriptions/due", null, providerAgent).json();
    JsonNode item = find(due, id);
    assertThat(item).as(due.toString()).isNotNull();
    String deliveryId = item.path("deliveryId").asText();
    assertThat(deliveryId).matches(id + "-\\d{12}");
    assertThat(item.path("applicationId").asLong()).isEqualTo(applicationId);
    assertThat(item.path("database").asText()).isEqualTo("civil");
    assertThat(item.path("table").asText()).isEqualTo("assistance");
    assertThat(item.path("mode").asText()).isEqualTo("INCREMENTAL");
    assertThat(item.path("lastSnapshotId").isNull()).isTrue();
    assertThat(item.path("columns").toString()).isEqualTo("[\"amount\",\"region_code\"]");
    assertThat(item.path("regionCodes").toString()).isEqualTo("[\"440600\"]");
    assertThat(item.path("regionColumn").asText()).isEqualTo("region_code");
    assertThat(item.path("target").path("type").asText()).isEqualTo("NODE");
    assertThat(item.path("target").path("peerNodeId").asText()).isEqualTo("fs-city");
    assertThat(item.path("target").path("exchangeUrl").asText())
        .isEqualTo("https://fs-city.agent.test:8443");
    assertThat(
            find(call(province, "GET", "/api/v1/subscriptions/due", null, providerAgent).json(), id)
                .path("deliveryId")
                .asText())
        .as("the delivery id is stable until the slot is delivered")
        .isEqualTo(deliveryId);
    assertThat(
            find(call(province, "GET", "/api/v1/subscriptions/due", null, otherAgent).json(), id))
        .as("another department's agent is not told")
        .isNull();
    assertProblem(
        call(province, "GET", "/api/v1/subscriptions/due", null, "prov-fs"),
        403,
        "subscription.agent-only");
    assertProblem(
        call(province, "GET", "/api/v1/subscriptions/" + id, null, "prov-gz"), 404, "not-found");
    assertStatus(call(province, "GET", "/api/v1/subscriptions/" + id, null, "prov-cat"), 200);
    assertThat(
            call(province, "GET", "/api/v1/subscriptions", null, "prov-fs")
                .json()
                .findValuesAsText("id"))
        .contains(Long.toString(id));
    assertThat(
            call(province, "GET", "/api/v1/subscriptions", null, "prov-gz")
                .json()
                .findValuesAsText("id"))
        .doesNotContain(Long.toString(id));

    String status = "/api/v1/deliveries/" + deliveryId + "/status";
    Map<String, Object> running = new HashMap<>();
    running.put("subscriptionId", id);
    running.put("state", "RUNNING");
    running.put("attempts", 1);
    assertProblem(
        call(
            province,
            "POST",
            "/api/v1/deliveries/" + (id + 1000) + "-202601010000/status",
            running,
            providerAgent),
        400,
        "delivery.id-format");
    assertProblem(
        call(province, "POST", status, with(running, "rows", -1), providerAgent), 400, "min");
    assertProblem(call(province, "POST", status, running, otherAgent), 404, "not-found");
    assertStatus(call(province, "POST", status, running, providerAgent), 204);
    Map<String, Object> failed = new HashMap<>(running);
    failed.put("state", "FAILED");
    failed.put("attempts", 5);
    failed.put("lastError", "connection refused");
    assertStatus(call(province, "POST", status, failed, providerAgent), 204);
    assertThat(
            find(call(province, "GET", "/api/v1/subscriptions/due", null, providerAgent).json(), id)
                .path("deliveryId")
                .asText())
        .as("a failed slot stays due under the same id")
        .isEqualTo(deliveryId);

    Map<String, Object> delivered = new HashMap<>(running);
    delivered.put("state", "DELIVERED");
    delivered.put("attempts", 6);
    delivered.put("snapshotId", 4242L);
    delivered.put("rows", 1200);
    delivered.put("bytes", 96000);
    // DELIVERED is stored only with the province's signed manifest and 佛山's signed receipt
    NodeKey provinceKey = homeKey(province, "gd-province", NodeKey.HOME_KEY_FILE);
    NodeKey foshanKey = homeKey(foshan, "fs-city", NodeKey.HOME_KEY_FILE);
    Signed<DeliveryManifest> manifest =
        Signed.sign(manifest(deliveryId, "fs-city", 1200, 4242L), provinceKey);
    delivered.put("manifestJson", manifest.toJsonText());
    assertProblem(call(province, "POST", status, delivered, providerAgent), 400, "required");
    delivered.put("receiptJson", Map.of("deliveryId", deliveryId, "signature", "c2ln"));
    assertProblem(
        call(province, "POST", status, delivered, providerAgent),
        422,
        "delivery.evidence-malformed");
    Receipt accepted = Receipt.accepting(manifest.document(), Instant.now());
    delivered.put("receiptJson", Signed.sign(accepted, NodeKey.generate("fs-city")).toJsonText());
    Response forged = call(province, "POST", status, delivered, providerAgent);
    assertProblem(forged, 422, "delivery.receipt-invalid");
    assertThat(forged.json().path("detail").asText()).contains("signature");
    Signed<DeliveryManifest> otherDelivery =
        Signed.sign(manifest(id + "-202601010000", "fs-city", 1200, 4242L), provinceKey);
    delivered.put(
        "receiptJson",
        Signed.sign(Receipt.accepting(otherDelivery.document(), Instant.now()), foshanKey)
            .toJsonText());
    assertProblem(
        call(province, "POST", status, delivered, providerAgent), 422, "delivery.receipt-invalid");
    delivered.put(
        "receiptJson",
        Signed.sign(
                Receipt.rejecting(manifest.document(), 0, "checksum of part-00000", Instant.now()),
                foshanKey)
            .toJsonText());
    assertThat(
            call(province, "POST", status, delivered, providerAgent).json().path("detail").asText())
        .contains("rejected", "checksum of part-00000");
    delivered.put("receiptJson", Signed.sign(accepted, foshanKey).toJsonText());
    assertProblem(
        call(province, "POST", status, with(delivered, "rows", 1201), providerAgent),
        422,
        "delivery.receipt-invalid");
    assertThat(
            call(province, "GET", "/api/v1/subscriptions/" + id + "/deliveries", null, "prov-fs")
                .json()
                .get(0)
                .path("state")
                .asText())
        .as("nothing refused was stored")
        .isEqualTo("FAILED");
    assertStatus(call(province, "POST", status, delivered, providerAgent), 204);

    JsonNode advanced =
        call(province, "GET", "/api/v1/subscriptions/" + id, null, "prov-fs").json();
    assertThat(advanced.path("lastSnapshotId").asLong()).isEqualTo(4242L);
    assertThat(advanced.path("nextDeliveryId").asText()).isNotEqualTo(deliveryId);
    assertThat(
            find(
                call(province, "GET", "/api/v1/subscriptions/due", null, providerAgent).json(), id))
        .as("the next slot is tomorrow at 02:00")
        .isNull();
    JsonNode deliveries =
        call(province, "GET", "/api/v1/subscriptions/" + id + "/deliveries", null, "prov-fs")
            .json();
    assertThat(deliveries.size()).isEqualTo(1);
    assertThat(deliveries.get(0).path("state").asText()).isEqualTo("DELIVERED");
    assertThat(deliveries.get(0).path("rows").asLong()).isEqualTo(1200);
    assertThat(deliveries.get(0).path("hasReceipt").asBoolean()).isTrue();
    assertProblem(
        call(province, "POST", status, failed, providerAgent), 409, "delivery.already-delivered");

    // a consumer on this node: a JDBC table, receipted by the node's local receiver
    assertProblem(
        call(
            province,
            "POST",
            "/api/v1/subscriptions",
            with(subscription, "target", Map.of("type", "JDBC", "table", "Civil; DROP")),
            "prov-fs"),
        400,
        "identifier");
    Response local =
        call(
            province,
            "POST",
            "/api/v1/subscriptions",
            with(subscription, "target", Map.of("type", "JDBC", "table", "fs_civil.assistance")),
            "prov-fs");
    assertStatus(local, 201);
    long localId = local.json().path("id").asLong();
    JsonNode localDue =
        find(
            call(province, "GET", "/api/v1/subscriptions/due", null, providerAgent).json(),
            localId);
    assertThat(localDue.path("target").path("type").asText()).isEqualTo("JDBC");
    assertThat(localDue.path("target").path("table").asText()).isEqualTo("fs_civil.assistance");
    String localDelivery = localDue.path("deliveryId").asText();
    Signed<DeliveryManifest> localManifest =
        Signed.sign(manifest(localDelivery, "gd-province-local", 300, 4243L), provinceKey);
    Map<String, Object> localReport = new HashMap<>(delivered);
    localReport.put("subscriptionId", localId);
    localReport.put("rows", 300);
    localReport.put("snapshotId", 4243L);
    localReport.put("manifestJson", localManifest.toJsonText());
    Receipt localReceipt = Receipt.accepting(localManifest.document(), Instant.now());
    localReport.put(
        "receiptJson",
        Signed.sign(localReceipt, NodeKey.generate("gd-province-local")).toJsonText());
    String localStatus = "/api/v1/deliveries/" + localDelivery + "/status";
    assertProblem(
        call(province, "POST", localStatus, localReport, providerAgent),
        422,
        "delivery.receipt-invalid");
    localReport.put(
        "receiptJson",
        Signed.sign(
                localReceipt,
                homeKey(province, "gd-province-local", NodeKey.LOCAL_RECEIVER_KEY_FILE))
            .toJsonText());
    assertStatus(call(province, "POST", localStatus, localReport, providerAgent), 204);
    assertThat(
            call(province, "GET", "/api/v1/subscriptions/" + localId, null, "prov-fs")
                .json()
                .path("lastSnapshotId")
                .asLong())
        .isEqualTo(4243L);

    // the next slot fails: the console lists both deliveries and marks the failed one
    String next = advanced.path("nextDeliveryId").asText();
    Map<String, Object> unreachable = new HashMap<>(failed);
    unreachable.put("lastError", "fs-city agent unreachable");
    assertStatus(
        call(
            province, "POST", "/api/v1/deliveries/" + next + "/status", unreachable, providerAgent),
        204);
    String console = consolePage(province, "prov-cat", "/console/deliveries");
    assertThat(console)
        .contains("数据交付", deliveryId, "DELIVERED", next, "fs-city agent unreachable");
    assertThat(failedRow(console, next)).as(console).isTrue();
    assertThat(failedRow(console, deliveryId)).as(console).isFalse();
    assertThat(consolePage(province, "prov-gz", "/console/deliveries")).doesNotContain(deliveryId);

    assertStatus(
        call(
            province,
            "POST",
            "/api/v1/applications/" + applicationId + "/revoke",
            Map.of("reason", "用途已结束"),
            "prov-cat"),
        200);
    JsonNode suspended =
        call(province, "GET", "/api/v1/subscriptions/" + id, null, "prov-fs").json();
    assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.path("statusReason").asText()).contains("REVOKED");
  }

  // ------------------------------------------------------------ end to end: province → 佛山

  /**
   * The whole flow between two nodes with the real data plane: the province's population base
   * database is built by the pipelines, a 佛山 department's approved application is subscribed, the
   * province's {@code deliver-due} sends the 佛山 rows (backflow, 数据回流) to 佛山's exchange agent over
   * mutual TLS, and the signed receipt comes back to the province's control plane.
   */
  @Test
  void theProvincesPopulationFlowsBackToFoshanOverMutualTlsWithASignedReceipt() throws Exception {
    PipelinesProcess pipelines = new PipelinesProcess();
    Path work = province.home().resolveSibling("backflow");
    Path logs = work.resolve("logs");

    // the province's population base database, built from generated extracts
    Path sources = work.resolve("sources");
    pipelines.run(
        logs.resolve("generate.log"),
        Map.of(),
        "generate",
        "population",
        "--people",
        "400",
        "--seed",
        "7",
        "--output",
        sources.toString());
    pipelines.run(
        logs.resolve("pipeline.log"),
        Map.of(),
        "pipeline",
        "population",
        "--sources",
        sources.toString(),
        "--home",
        province.home().toString());
    long people;
    try (var lines = Files.lines(sources.resolve("truth.csv"))) {
      people = lines.skip(1).map(line -> line.split(",")[2]).distinct().count();
    }

    // the agents' TLS identities; each registry trusts the other node's certificate
    Path certificates = Files.createDirectories(work.resolve("certificates"));
    NodeCertificates.Authority zone =
        NodeCertificates.authority(certificates, "gd-zone", "changeit");
    NodeCertificates.NodeCertificate provinceTls =
        NodeCertificates.node(zone, certificates, "gd-province");
    NodeCertificates.NodeCertificate foshanTls =
        NodeCertificates.node(zone, certificates, "fs-city");
    int agentPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      agentPort = socket.getLocalPort();
    }
    Map<String, Object> foshanAtProvince =
        peer("fs-city", "佛山市节点", "440600", "CITY", publicKey(foshan));
    foshanAtProvince.put("baseUrl", foshan.baseUrl());
    foshanAtProvince.put("exchangeUrl", "https://127.0.0.1:" + agentPort);
    foshanAtProvince.put("certificatePem", foshanTls.certificatePem());
    assertStatus(
        call(province, "PUT", "/api/v1/federation/peers/" + foshanPeer, foshanAtProvince, ADMIN),
        200);
    Map<String, Object> provinceAtFoshan =
        peer("gd-province", "广东省节点", "440000", "PROVINCE", publicKey(province));
    provinceAtFoshan.put("baseUrl", province.baseUrl());
    provinceAtFoshan.put("certificatePem", provinceTls.certificatePem());
    assertStatus(call(foshan, "POST", "/api/v1/federation/peers", provinceAtFoshan, ADMIN), 201);

    // 佛山's exchange agent, on the home 佛山's catalog service writes its registry to
    Map<String, String> tlsPassword = Map.of("GOVDATA_TLS_PASSWORD", "changeit");
    Path agentLog = logs.resolve("foshan-agent.log");
    Process agent =
        pipelines.start(
            agentLog,
            tlsPassword,
            "agent",
            "--home",
            foshan.home().toString(),
            "--port",
            Integer.toString(agentPort),
            "--bind",
            "127.0.0.1",
            "--tls-keystore",
            foshanTls.keystore().toString(),
            "--tls-password-env",
            "GOVDATA_TLS_PASSWORD");
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.readString(agentLog).contains("ready on https port")) {
        assertThat(agent.isAlive()).as(Files.readString(agentLog)).isTrue();
        assertThat(System.nanoTime()).as("the agent starts").isLessThan(deadline);
        Thread.sleep(200);
      }

      // the resource and its table, a 佛山 department's application, approval, subscription
      long entry = publish(province, populationResource(department(province, provinceProvider)));
      Map<String, Object> table = new HashMap<>();
      table.put("database", "population");
      table.put("table", "golden_person");
      table.put("columns", Map.of("人员编号", "person_id", "户籍地行政区划", "division_code"));
      table.put("regionColumn", "division_code");
      assertStatus(call(province, "PUT", "/api/v1/data/" + entry + "/table", table, ADMIN), 200);
      department(
          province,
          "fs-backflow",
          Fixtures.department("佛山市人力资源和社会保障局", 405, "440600", AdministrativeLevel.CITY));
      String providerAgent = agent("prov-backflow-agent", provinceProvider);
      Map<String, Object> application = new HashMap<>();
      application.put("entryId", entry);
      application.put("purpose", "社会保障待遇资格认证");
      application.put("legalBasis", "《社会保险法》第八条");
      application.put("items", List.of("人员编号", "户籍地行政区划"));
      application.put("regionCodes", List.of("440600"));
      application.put("validFrom", LocalDate.now().toString());
      application.put("validUntil", LocalDate.now().plusDays(90).toString());
      Response applied = call(province, "POST", "/api/v1/applications", application, "fs-backflow");
      assertStatus(applied, 201);
      long applicationId = applied.json().path("id").asLong();
      assertStatus(
          call(
              province,
              "POST",
              "/api/v1/applications/" + applicationId + "/approve",
              Map.of(),
              "prov-cat"),
          200);
      Map<String, Object> subscription = new HashMap<>();
      subscription.put("applicationId", applicationId);
      subscription.put("mode", "FULL");
      subscription.put("schedule", "0 2 * * *");
      subscription.put("target", Map.of("type", "NODE", "peerNodeId", "fs-city"));
      Response subscribed =
          call(province, "POST", "/api/v1/subscriptions", subscription, "fs-backflow");
      assertStatus(subscribed, 201);
      long id = subscribed.json().path("id").asLong();

      // the province's exchange process delivers what is due
      Map<String, String> environment = new HashMap<>(tlsPassword);
      environment.put("GOVDATA_AGENT_KEY", providerAgent.substring("key:".length()));
      String[] deliverDue = {
        "deliver-due",
        "--catalog",
        province.baseUrl(),
        "--api-key-env",
        "GOVDATA_AGENT_KEY",
        "--home",
        province.home().toString(),
        "--tls-keystore",
        provinceTls.keystore().toString(),
        "--tls-password-env",
        "GOVDATA_TLS_PASSWORD",
        "--once"
      };
      pipelines.run(logs.resolve("deliver-due-1.log"), environment, deliverDue);

      JsonNode deliveries =
          call(province, "GET", "/api/v1/subscriptions/" + id + "/deliveries", null, "fs-backflow")
              .json();
      assertThat(deliveries.size()).as(deliveries.toString()).isEqualTo(1);
      JsonNode delivery = deliveries.get(0);
      assertThat(delivery.path("state").asText()).as(delivery.toString()).isEqualTo("DELIVERED");
      assertThat(delivery.path("hasReceipt").asBoolean()).isTrue();
      long rows = delivery.path("rows").asLong();
      String deliveryId = delivery.path("deliveryId").asText();

      // 佛山 holds exactly the province's rows of its own region, each once
      Path received = foshan.home().resolve("exchange/received/gd-province").resolve(deliveryId);
      assertThat(received.resolve("manifest.json")).exists();
      List<String> divisions = new ArrayList<>();
      List<String> persons = new ArrayList<>();
      try (var files = Files.list(received)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          List<String> header = List.of(lines.get(0).split(","));
          assertThat(header).containsExactlyInAnyOrder("person_id", "division_code");
          for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            persons.add(cells[header.indexOf("person_id")]);
            divisions.add(cells[header.indexOf("division_code")]);
          }
        }
      }
      assertThat(persons).hasSize((int) rows).doesNotHaveDuplicates();
      assertThat(rows).as("some of the province's people live in 佛山").isPositive();
      assertThat(rows).as("and not all of them: the row filter held").isLessThan(people);
      assertThat(divisions).allMatch(code -> code.startsWith("4406"), "a 佛山 division code");

      // the slot is delivered: a second round sends nothing, 佛山 still holds one delivery
      assertThat(pipelines.run(logs.resolve("deliver-due-2.log"), environment, deliverDue))
          .contains("deliver-due: 0 deliveries run");
      try (var held = Files.list(received.getParent())) {
        assertThat(held.count()).isEqualTo(1);
      }
    } finally {
      agent.destroy();
      agent.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The province's population database, shared on conditions with a region item. */
  static InformationResource populationResource(ProviderDepartment provider) {
    return new InformationResource(
        null,
        Fixtures.departmental("405", "测试目405"),
        "人口基础信息（回流）",
        provider,
        "省人口基础库的人员编号与户籍地：测试数据，由测试生成",
        new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
        List.of(
            new InformationItem("人员编号", DataType.STRING, 64, "人口基础库的人员编号", SensitivityTag.NONE),
            new InformationItem(
                "户籍地行政区划", DataType.STRING, 6, "GB/T 2260 代码", SensitivityTag.NONE)),
        new ShareAttribute(ShareType.CONDITIONAL, "仅用于社会保障业务", null, ShareMethod.DATABASE_EXCHANGE),
        new OpenAttribute(OpenType.CONDITIONAL, "申请并签署数据使用协议"),
        UpdateCycle.MONTHLY,
        null,
        List.of(),
        List.of("测试"),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2));
  }

  // ------------------------------------------------------------ helpers

  Node start(String name, String nodeId, String region, String level, String search)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path home = Path.of("target/it-home/federation-" + run + "/" + name).toAbsolutePath();
    String baseUrl = "http://127.0.0.1:" + port;
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CatalogApplication.class)
            .run(
                "--server.port=" + port,
                "--govdata.home=" + home,
                "--govdata.search.url=" + search,
                "--govdata.search.alias=federation-it-" + name + "-" + run,
                "--govdata.node.id=" + nodeId,
                "--govdata.node.region-code=" + region,
                "--govdata.node.level=" + level,
                "--govdata.node.base-url=" + baseUrl,
                "--govdata.node.exchange-url=https://" + nodeId + ".agent.test:8443",
                "--govdata.security.bcrypt-strength=4",
                "--govdata.security.initial-admin-password=it-admin-password",
                "--govdata.federation.harvest-enabled=false",
                "--spring.main.banner-mode=off");
    contexts.add(context);
    return new Node(name, baseUrl, home);
  }

  /** Creates the department, its cataloguer and the node's reviewer; returns the department id. */
  long zone(Node node, ProviderDepartment department) {
    String prefix = node.equals(foshan) || node.equals(guangzhou) ? "city" : "prov";
    long id = department(node, prefix + "-cat", department);
    if (call(node, "GET", "/api/v1/users", null, ADMIN).body().contains(prefix + "-rev")) {
      return id;
    }
    assertStatus(
        call(node, "POST", "/api/v1/users", user(prefix + "-rev", "REVIEWER", null), ADMIN), 201);
    return id;
  }

  long department(Node node, String cataloguer, ProviderDepartment department) {
    Response created = call(node, "POST", "/api/v1/departments", department, ADMIN);
    assertStatus(created, 201);
    long id = created.json().path("id").asLong();
    assertStatus(
        call(node, "POST", "/api/v1/users", user(cataloguer, "CATALOGUER", id), ADMIN), 201);
    return id;
  }

  ProviderDepartment department(Node node, long id) {
    JsonNode department = call(node, "GET", "/api/v1/departments/" + id, null, ADMIN).json();
    return new ProviderDepartment(
        department.path("name").asText(),
        department.path("creditCode").asText(),
        department.path("regionCode").asText(),
        AdministrativeLevel.valueOf(department.path("level").asText()));
  }

  /** An exchange agent of the department with an API key; returns {@code key:<the key>}. */
  String agent(String name, long department) {
    Map<String, Object> user = user(name, "EXCHANGE_AGENT", department);
    user.put("password", null);
    assertStatus(call(province, "POST", "/api/v1/users", user, ADMIN), 201);
    Response key =
        call(
            province,
            "POST",
            "/api/v1/users/" + name + "/api-keys",
            Map.of("label", "agent"),
            ADMIN);
    assertStatus(key, 201);
    return "key:" + key.json().path("apiKey").asText();
  }

  static Map<String, Object> user(String name, String role, Long department) {
    Map<String, Object> user = new HashMap<>();
    user.put("username", name);
    user.put("password", PASSWORD);
    user.put("role", role);
    user.put("departmentId", department);
    return user;
  }

  /** Creates, submits, approves and publishes an entry in an open batch; returns its id. */
  long publish(Node node, InformationResource resource) {
    String prefix = node.equals(province) ? "prov" : "city";
    Response created = call(node, "POST", "/api/v1/entries", resource, prefix + "-cat");
    assertStatus(created, 201);
    long id = created.json().path("id").asLong();
    Integer number = null;
    if (resource.open().type() != OpenType.NOT_OPEN) {
      Response batch =
          call(
              node,
              "POST",
              "/api/v1/batches",
              Map.of("title", "测试批次" + id, "plannedDate", "2026-12-31"),
              ADMIN);
      assertStatus(batch, 201);
      number = batch.json().path("number").asInt();
    }
    for (String[] step :
        new String[][] {
          {prefix + "-cat", "SUBMITTED"},
          {prefix + "-rev", "APPROVED"},
          {prefix + "-rev", "PUBLISHED"}
        }) {
      Map<String, Object> transition = new HashMap<>();
      transition.put("to", step[1]);
      transition.put("openBatch", step[1].equals("PUBLISHED") ? number : null);
      assertStatus(
          call(node, "POST", "/api/v1/entries/" + id + "/transitions", transition, step[0]), 200);
    }
    return id;
  }

  /** Shared and opened on conditions, with a region item for the row filter. */
  static InformationResource conditionalResource(ProviderDepartment provider) {
    return new InformationResource(
        null,
        Fixtures.departmental("401", "测试目401"),
        "最低生活保障对象统计",
        provider,
        "按行政区划统计的低保对象：测试数据，由测试生成",
        new ResourceFormat(FormatFamily.SPREADSHEET, "xlsx"),
        List.of(
            new InformationItem("统计日期", DataType.DATE, 10, "统计截止日期", SensitivityTag.NONE),
            new InformationItem("数量", DataType.NUMBER, 12, "人数", SensitivityTag.NONE),
            new InformationItem("行政区划", DataType.STRING, 6, "GB/T 2260 代码", SensitivityTag.NONE)),
        new ShareAttribute(ShareType.CONDITIONAL, "仅用于社会救助核验", null, ShareMethod.API),
        new OpenAttribute(OpenType.CONDITIONAL, "申请并签署数据使用协议"),
        UpdateCycle.MONTHLY,
        null,
        List.of(),
        List.of("测试"),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2));
  }

  long registerPeer(Node city, String name) {
    JsonNode node = call(city, "GET", "/api/v1/federation/node", null, null).json();
    Map<String, Object> request =
        peer(
            node.path("nodeId").asText(),
            name,
            node.path("regionCode").asText(),
            node.path("level").asText(),
            node.path("publicKey").asText());
    request.put("baseUrl", node.path("baseUrl").asText());
    request.put("exchangeUrl", node.path("exchangeUrl").asText());
    Response created = call(province, "POST", "/api/v1/federation/peers", request, ADMIN);
    assertStatus(created, 201);
    return created.json().path("id").asLong();
  }

  static Map<String, Object> peer(
      String nodeId, String name, String region, String level, String publicKey) {
    Map<String, Object> peer = new HashMap<>();
    peer.put("nodeId", nodeId);
    peer.put("name", name);
    peer.put("regionCode", region);
    peer.put("level", level);
    peer.put("baseUrl", "https://" + nodeId + ".example.test");
    peer.put("exchangeUrl", "https://" + nodeId + ".agent.test:8443");
    peer.put("publicKey", publicKey);
    return peer;
  }

  /** A node's key as its home keeps it (the catalog service created it at start). */
  static NodeKey homeKey(Node node, String nodeId, Path file) {
    return NodeKey.load(nodeId, node.home().resolve(file));
  }

  /** A manifest of a delivery from the province, of rows straight into a table (no files). */
  static DeliveryManifest manifest(String deliveryId, String receiver, long rows, long snapshot) {
    return new DeliveryManifest(
        deliveryId,
        ResourceCode.parse("101001/000001", "resourceCode"),
        Long.toString(snapshot),
        null,
        List.of(new ManifestField("amount", "bigint"), new ManifestField("region_code", "string")),
        rows,
        0,
        List.of(),
        List.of("row-filter:region_code in 440600"),
        "gd-province",
        receiver,
        Instant.now());
  }

  static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(field, value);
    return copy;
  }

  String publicKey(Node node) {
    return call(node, "GET", "/api/v1/federation/node", null, null)
        .json()
        .path("publicKey")
        .asText();
  }

  List<String> peerIds() {
    return call(province, "GET", "/api/v1/federation/peers", null, ADMIN)
        .json()
        .findValuesAsText("nodeId");
  }

  void assertInvalid(Map<String, Object> request, String field, String rule) {
    Response response = call(province, "POST", "/api/v1/federation/peers", request, ADMIN);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    List<String> found = new ArrayList<>();
    response
        .json()
        .path("violations")
        .forEach(v -> found.add(v.path("field").asText() + ":" + v.path("rule").asText()));
    assertThat(found).as(response.body()).contains(field + ":" + rule);
  }

  JsonNode harvest(long peer) {
    Response response =
        call(province, "POST", "/api/v1/federation/peers/" + peer + "/harvest", null, ADMIN);
    assertStatus(response, 200);
    return response.json();
  }

  JsonNode harvested(String peer, boolean withdrawn) {
    Response response =
        call(
            province,
            "GET",
            "/api/v1/federation/harvested?size=200&peer=" + peer + "&withdrawn=" + withdrawn,
            null,
            null);
    assertStatus(response, 200);
    return response.json();
  }

  /** How many packages the city's own CKAN API counts for the public. */
  int ckanCount(Node city) {
    return call(city, "GET", "/api/3/action/package_search?rows=0", null, null)
        .json()
        .path("result")
        .path("count")
        .asInt();
  }

  static JsonNode find(JsonNode due, long subscriptionId) {
    for (JsonNode item : due) {
      if (item.path("subscriptionId").asLong() == subscriptionId) {
        return item;
      }
    }
    return null;
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

  /** A self-signed PEM certificate valid from {@code startDays} (relative) for {@code days}. */
  static String certificate(String subject, int startDays, int days) throws Exception {
    Path dir = Files.createTempDirectory("federation-it-cert");
    Path store = dir.resolve("store.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> generate =
        new ArrayList<>(
            List.of(
                keytool,
                "-genkeypair",
                "-alias",
                "agent",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                subject,
                "-validity",
                Integer.toString(days),
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-storetype",
                "PKCS12"));
    if (startDays != 0) {
      generate.addAll(List.of("-startdate", (startDays > 0 ? "+" : "") + startDays + "d"));
    }
    runTool(generate);
    Path pem = dir.resolve("agent.pem");
    runTool(
        List.of(
            keytool,
            "-exportcert",
            "-rfc",
            "-alias",
            "agent",
            "-keystore",
            store.toString(),
            "-storepass",
            "changeit",
            "-file",
            pem.toString()));
    return Files.readString(pem);
  }

  static void runTool(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }

  Response call(Node node, String method, String path, Object body, String auth) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path));
      if (auth != null && auth.startsWith("key:")) {
        request.header("X-API-Key", auth.substring(4));
      } else if (auth != null) {
        String credentials = auth.contains(":") ? auth : auth + ":" + PASSWORD;
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      }
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path, e);
    }
  }

  static boolean failedRow(String html, String deliveryId) {
    return Pattern.compile("<tr class=\"failed\">\\s*<td>" + Pattern.quote(deliveryId) + "</td>")
        .matcher(html)
        .find();
  }

  /** Signs in through the console's form login and returns the page's HTML. */
  String consolePage(Node node, String user, String path) {
    try {
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String login =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
      assertThat(csrf.find()).as(login).isTrue();
      String form =
          "username="
              + user
              + "&password="
              + PASSWORD
              + "&_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          browser.send(
              HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location").orElse(""))
          .as("signed in as " + user)
          .doesNotContain("error");
      HttpResponse<String> page =
          browser.send(
              HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      return page.body();
    } catch (IOException e) {
      throw new AssertionError(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(path, e);
    }
  }

  static void assertStatus(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  static void assertProblem(Response response, int status, String rule) {
    assertStatus(response, status);
    assertThat(response.json().path("rule").asText()).as(response.body()).isEqualTo(rule);
  }
}
