package cn.govdata.pipelines.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.delivery.RetryPolicy;
import cn.govdata.pipelines.exchange.NodeCertificates.Authority;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code deliver-due} for consumers on the node itself: a JDBC target (a table of the local
 * PostgreSQL) and a FILES target (the node's drop directory), from a real Iceberg table on the
 * shared Spark, with a stub of the control plane's two calls. The reported evidence is what the
 * control plane checks: a manifest signed by the node and a receipt signed by its local receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDeliveriesIT {

  static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  static final String DATABASE = "local_due_it_" + SUFFIX;
  static final String TABLE = "govdata." + DATABASE + ".assistance";
  static final String SCHEMA = "it_local_due_" + SUFFIX;
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  static final int ROWS = 900;

  final Path work = Path.of("target", "local-deliveries-it", SUFFIX).toAbsolutePath();
  final NodeHome home = new NodeHome(work.resolve("home"));
  SparkSession spark;
  HttpServer controlPlane;
  NodeKey key;
  NodeTls tls;
  String dueAnswer;
  final List<String> statusPaths = new CopyOnWriteArrayList<>();
  final List<Map<String, Object>> statuses = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    spark = SharedSpark.session();
    spark.sql(
        "CREATE TABLE " + TABLE + " (id BIGINT, amount BIGINT, region_code STRING) USING iceberg");
    spark
        .range(0, ROWS)
        .selectExpr(
            "id",
            "id * 10 as amount",
            "case when id % 3 = 0 then '440604' when id % 3 = 1 then '440605' else '440106' end"
                + " as region_code")
        .writeTo(TABLE)
        .append();
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    // no peers: this node delivers only to its own consumers here
    Files.createDirectories(home.peers().getParent());
    Files.writeString(home.peers(), "[]", StandardCharsets.UTF_8);
    Path certificates = Files.createDirectories(work.resolve("certificates"));
    Authority zone = NodeCertificates.authority(certificates, "gd-zone", TwoNodes.PASSWORD);
    tls = TwoNodes.tls(NodeCertificates.node(zone, certificates, "gd-province"), home);
    key = home.nodeKey("gd-province");
    controlPlane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    controlPlane.createContext("/api/v1/", this::answer);
    controlPlane.start();
  }

  @AfterAll
  void stop() throws SQLException {
    // also after a failed start, so that the schema does not outlive the test
    if (controlPlane != null) {
      controlPlane.stop(0);
    }
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/subscriptions/due")) {
        byte[] body = dueAnswer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } else {
        statusPaths.add(path);
        statuses.add(
            CanonicalJson.readObject(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
      }
    }
  }

  static String due(String subscription, String deliveryId, String target) {
    return "{\"subscriptionId\": "
        + subscription
        + ", \"deliveryId\": \""
        + deliveryId
        + "\", \"applicationId\": 7, \"resourceCode\": \"104001/000001\", \"database\": \""
        + DATABASE
        + "\", \"table\": \"assistance\", \"mode\": \"FULL\", \"lastSnapshotId\": null,"
        + " \"columns\": [\"id\", \"amount\", \"region_code\"], \"regionCodes\": [\"440600\"],"
        + " \"regionColumn\": \"region_code\", \"target\": "
        + target
        + "}";
  }

  int round(String jdbcUrl) {
    try (ExchangeLog log = ExchangeLog.open(home.outboundLog(), key, Clock.systemUTC())) {
      SubscriptionDeliveries runner =
          new SubscriptionDeliveries(
              spark,
              key,
              tls,
              log,
              home,
              new SubscriptionDeliveries.LocalTargets(home.drop(), jdbcUrl, "postgres", ""),
              new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)),
              Clock.systemUTC());
      return new DueDeliveries(
              HttpClient.newHttpClient(),
              URI.create("http://127.0.0.1:" + controlPlane.getAddress().getPort()),
              "key",
              runner)
          .runOnce();
    }
  }

  /** The 佛山 rows (440604, 440605) of the table: two of every three ids. */
  static long foshanRows() {
    return ROWS - ROWS / 3;
  }

  Map<String, Object> statusOf(String deliveryId) {
    for (int i = statusPaths.size() - 1; i >= 0; i--) {
      if (statusPaths.get(i).equals("/api/v1/deliveries/" + deliveryId + "/status")) {
        return statuses.get(i);
      }
    }
    throw new AssertionError("no status reported for " + deliveryId + ": " + statusPaths);
  }

  /** The control plane's check: the node's manifest, answered by its local receiver's receipt. */
  Receipt verifiedReceipt(Map<String, Object> status) {
    DeliveryManifest manifest =
        Signed.parse((String) status.get("manifestJson"), DeliveryManifest::fromJson)
            .verifiedWith(key.publicKey());
    Signed<Receipt> receipt = Signed.parse((String) status.get("receiptJson"), Receipt::fromJson);
    return Receipt.verify(receipt, home.localReceiverKey("gd-province").publicKey(), manifest);
  }

  /** Runs a round for one due item; it is reported DELIVERED with a receipt that verifies. */
  Receipt deliveredInOneRound(String jdbcUrl, String item) {
    dueAnswer = "[" + item + "]";
    assertThat(round(jdbcUrl)).isEqualTo(1);
    String deliveryId = (String) CanonicalJson.readObject(item).get("deliveryId");
    Map<String, Object> status = statusOf(deliveryId);
    assertThat(status).containsEntry("state", "DELIVERED").containsEntry("rows", foshanRows());
    Receipt receipt = verifiedReceipt(status);
    assertThat(receipt.isAccepted()).isTrue();
    return receipt;
  }

  @Test
  void aJdbcSubscriptionLandsInTheLocalDatabaseOnceWithAReceiptOfTheLocalReceiver()
      throws Exception {
    String jdbcUrl = POSTGRES + "?currentSchema=" + SCHEMA;
    Receipt receipt =
        deliveredInOneRound(
            jdbcUrl,
            due("11", "11-202611260100", "{\"type\": \"JDBC\", \"table\": \"assistance\"}"));
    assertThat(receipt.receiverNode()).isEqualTo("gd-province-local");
    assertThat(receipt.rowsReceived()).isEqualTo(foshanRows());

    List<Long> ids = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, region_code FROM " + SCHEMA + ".assistance")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
        regions.add(rs.getString(2));
      }
    }
    assertThat(ids).hasSize((int) foshanRows()).doesNotHaveDuplicates();
    assertThat(regions).allMatch(region -> region.startsWith("4406"), "a 佛山 region");

    // the control plane asks again (its answer was lost): nothing is written twice
    assertThat(round(jdbcUrl)).isEqualTo(1);
    assertThat(statusOf("11-202611260100")).containsEntry("state", "DELIVERED");
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM "
                    + SCHEMA
                    + ".assistance), (SELECT count(*) FROM "
                    + SCHEMA
                    + ".govdata_delivery)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(foshanRows());
      assertThat(rs.getLong(2)).isEqualTo(1);
    }

    // a node without an exchange database reports the JDBC delivery FAILED, saying why
    dueAnswer =
        "[" + due("13", "13-202611260100", "{\"type\": \"JDBC\", \"table\": \"assistance\"}") + "]";
    round(null);
    assertThat(statusOf("13-202611260100")).containsEntry("state", "FAILED");
    assertThat((String) statusOf("13-202611260100").get("lastError")).contains("--jdbc-url");
  }

  @Test
  void aFilesSubscriptionLandsInTheDropDirectoryWithItsReceipt() throws Exception {
    deliveredInOneRound(
        null, due("12", "12-202611260100", "{\"type\": \"FILES\", \"format\": \"CSV\"}"));
    Map<String, Object> status = statusOf("12-202611260100");

    Path delivered = home.drop().resolve("12-202611260100");
    assertThat(delivered.resolve("manifest.json")).exists();
    assertThat(delivered.resolve("receipt.json")).exists();
    Map<String, Long> regions = new HashMap<>();
    long lines = 0;
    try (var files = Files.list(delivered)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
        int region = List.of(rows.get(0).split(",")).indexOf("region_code");
        for (String row : rows.subList(1, rows.size())) {
          regions.merge(row.split(",")[region], 1L, Long::sum);
          lines++;
        }
      }
    }
    assertThat(lines).isEqualTo(foshanRows());
    assertThat(regions.keySet()).containsExactlyInAnyOrder("440604", "440605");
    assertThat(status.get("bytes")).isEqualTo(receiptBytes(delivered));
  }

  static Long receiptBytes(Path delivered) throws IOException {
    return Signed.parse(
            Files.readString(delivered.resolve("manifest.json"), StandardCharsets.UTF_8),
            DeliveryManifest::fromJson)
        .document()
        .bytes();
  }
}
