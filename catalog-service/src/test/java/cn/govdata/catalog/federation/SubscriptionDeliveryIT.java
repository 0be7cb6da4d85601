package cn.govdata.catalog.federation;

import static cn.govdata.catalog.federation.FederationNodes.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.federation.FederationNodes.Node;
import cn.govdata.catalog.federation.FederationNodes.Response;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ManifestField;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Application → approval → subscription → delivery reports for a 佛山 department, on the province's
 * 有条件共享 resource of the nodes' seed: the control plane stores a delivery only with the province's
 * signed manifest and the receiver's signed receipt. Relies on the province's registration of 佛山
 * being the one the nodes' seed made (its exchange URL is asserted), which {@link BackflowIT}
 * changes for its test and restores after it.
 */
class SubscriptionDeliveryIT extends FederationSupport {

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
    mapTable(
        entry,
        "civil",
        "assistance",
        Map.of("统计日期", "stat_date", "数量", "amount", "行政区划", "region_code"),
        "region_code");

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

  static JsonNode find(JsonNode due, long subscriptionId) {
    for (JsonNode item : due) {
      if (item.path("subscriptionId").asLong() == subscriptionId) {
        return item;
      }
    }
    return null;
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
}
