package cn.govdata.pipelines.exchange;

import static cn.govdata.pipelines.exchange.TwoNodes.CITY;
import static cn.govdata.pipelines.exchange.TwoNodes.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.LogVerification;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.delivery.DeliveredCsv;
import cn.govdata.pipelines.delivery.Deliverer;
import cn.govdata.pipelines.delivery.DeliveryRequest;
import cn.govdata.pipelines.delivery.DeliveryState;
import cn.govdata.pipelines.delivery.DeliveryStatus;
import cn.govdata.pipelines.delivery.DeliveryStatusStore;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import cn.govdata.pipelines.delivery.Faults;
import cn.govdata.pipelines.delivery.Flows;
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two exchange agents on loopback (province and city) and deliveries between them over mutual TLS,
 * from a real Iceberg table on the shared local Spark: a full delivery with its signed receipt, a
 * redelivery stored once, a backflow holding only the city's rows, a file corrupted in transit, an
 * unreachable peer, and client certificates of another CA and expired ones, refused and logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationIT {

  static final String TABLE = "govdata.federation_it.population";
  static final ResourceCode RESOURCE = ResourceCode.parse("101101/000001", "resource");
  static final int ROWS = 3_000;

  TwoNodes nodes;
  SparkSession spark;
  ExchangeLog provinceOutbound;
  DeliveryStatusStore statuses;
  List<Duration> waits = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    nodes = new TwoNodes(Path.of("target", "federation-it"));
    spark = SharedSpark.session();
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
    spark.sql(
        "CREATE TABLE " + TABLE + " (id BIGINT, name STRING, region_code STRING) USING iceberg");
    spark
        .range(ROWS)
        .selectExpr(
            "id",
            "concat('测试', cast(id as string)) as name",
            "case when id % 3 = 0 then '440604' when id % 3 = 1 then '440605' else '440106' end"
                + " as region_code")
        .writeTo(TABLE)
        .append();
    provinceOutbound =
        ExchangeLog.open(nodes.provinceHome.outboundLog(), nodes.provinceKey, Clock.systemUTC());
    statuses = new DeliveryStatusStore(nodes.provinceHome.statuses());
  }

  @AfterAll
  void stop() {
    provinceOutbound.close();
    nodes.close();
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
  }

  Deliverer deliverer() {
    return new Deliverer(
        spark,
        nodes.provinceKey,
        provinceOutbound,
        statuses,
        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)),
        waits::add,
        Clock.systemUTC(),
        Faults.NONE);
  }

  PeerNode toCity(URI url) {
    return new PeerNode(
        url, CITY, new FileDrop(nodes.provinceHome.outbox(), FileFormat.CSV, 1_000));
  }

  DeliveryStatus deliver(DeliveryRequest request, URI url, Faults faults) {
    PeerNode target = toCity(url);
    return deliverer()
        .deliver(
            request,
            target,
            new PeerNodeReceiver(target, nodes.provinceTls, faults, Duration.ofSeconds(30)));
  }

  DeliveryRequest full(String id) {
    return new DeliveryRequest(id, RESOURCE, TABLE, null, null, List.of(), null, List.of(), CITY);
  }

  Path received(String deliveryId) {
    return ExchangeAgent.receivedDirectory(nodes.cityHome.directory(), PROVINCE, deliveryId);
  }

  @Test
  void aFullDeliveryReachesTheCityOverMutualTlsWithItsSignedReceiptAndIsStoredOnce()
      throws IOException {
    DeliveryStatus status = deliver(full("fed-full"), nodes.cityUrl(), Faults.NONE);

    assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
    Path directory = received("fed-full");
    assertThat(DeliveredCsv.ids(directory))
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, ROWS).boxed().toList());
    DeliveryManifest manifest =
        Signed.parse(
                Files.readString(directory.resolve("manifest.json")), DeliveryManifest::fromJson)
            .verifiedWith(nodes.provinceKey.publicKey());
    manifest.verifyFiles(directory);
    assertThat(manifest.files()).hasSize(3);
    Signed<Receipt> receipt =
        Signed.parse(Files.readString(directory.resolve("receipt.json")), Receipt::fromJson);
    assertThat(Receipt.verify(receipt, nodes.cityKey.publicKey(), manifest).isAccepted()).isTrue();
    // the sender keeps the same receipt beside its staged files
    assertThat(Files.readString(nodes.provinceHome.outbox().resolve("fed-full/receipt.json")))
        .isEqualTo(Files.readString(directory.resolve("receipt.json")));

    DeliveryStatus again = deliver(full("fed-full"), nodes.cityUrl(), Faults.NONE);
    assertThat(again.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(DeliveredCsv.ids(directory)).hasSize(ROWS);
    assertThat(
            TwoNodes.entries(nodes.cityHome.inboundLog(), "delivery.received").stream()
                .filter(e -> "fed-full".equals(e.get("subject"))))
        .hasSize(1);
    assertThat(
            TwoNodes.entries(nodes.cityHome.inboundLog(), "delivery.file-received").stream()
                .filter(e -> "fed-full".equals(e.get("subject"))))
        .as("the redelivery sent no file again")
        .hasSize(3);
    assertIntact(nodes.cityHome.inboundLog(), CITY, nodes.cityKey.publicKey());
    assertIntact(nodes.provinceHome.outboundLog(), PROVINCE, nodes.provinceKey.publicKey());
  }

  @Test
  void aBackflowHoldsExactlyTheCitysRows() throws IOException {
    DeliveryRequest backflow =
        Flows.backflow("fed-backflow", RESOURCE, TABLE, "region_code", "440600", null, CITY);

    DeliveryStatus status = deliver(backflow, nodes.cityUrl(), Faults.NONE);

    assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
    Path directory = received("fed-backflow");
    assertThat(DeliveredCsv.ids(directory))
        .containsExactlyInAnyOrderElementsOf(
            LongStream.range(0, ROWS).filter(id -> id % 3 != 2).boxed().toList());
    assertThat(new HashSet<>(DeliveredCsv.column(directory, "region_code")))
        .containsExactlyInAnyOrder("440604", "440605");
    assertThat(Files.readString(directory.resolve("manifest.json")))
        .contains("row-filter:region_code in 440600");
  }

  @Test
  void aFileCorruptedInTransitIsCaughtByItsChecksumAndSentAgain() throws IOException {
    Faults flipOnce =
        new Faults() {
          boolean flipped;

          @Override
          public InputStream inTransit(String file, InputStream bytes) {
            if (flipped || !file.equals("part-00001.csv")) {
              return bytes;
            }
            flipped = true;
            try (bytes) {
              byte[] content = bytes.readAllBytes();
              content[content.length / 2] ^= 0x20;
              return new ByteArrayInputStream(content);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };

    DeliveryStatus status = deliver(full("fed-corrupt"), nodes.cityUrl(), flipOnce);

    List<Map<String, Object>> rejected =
        TwoNodes.entries(nodes.cityHome.inboundLog(), "delivery.file-rejected");
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("subject")).isEqualTo("fed-corrupt");
    assertThat(((Map<?, ?>) rejected.get(0).get("data")).get("file")).isEqualTo("part-00001.csv");
    assertThat(
            TwoNodes.entries(nodes.provinceHome.outboundLog(), "delivery.attempt-failed").stream()
                .filter(e -> "fed-corrupt".equals(e.get("subject")))
                .map(e -> String.valueOf(((Map<?, ?>) e.get("data")).get("error"))))
        .singleElement()
        .asString()
        .contains("422")
        .contains("part-00001.csv");
    assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(status.attempts()).isEqualTo(2);
    assertThat(DeliveredCsv.ids(received("fed-corrupt"))).hasSize(ROWS).doesNotHaveDuplicates();
  }

  @Test
  void anUnreachablePeerIsRetriedWithBackoffThenReportedFailed() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    waits.clear();

    DeliveryStatus status =
        deliver(
            full("fed-unreachable"), URI.create("https://127.0.0.1:" + closedPort), Faults.NONE);

    assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(status.attempts()).isEqualTo(3);
    assertThat(status.detail()).contains("127.0.0.1:" + closedPort);
    assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(statuses.find("fed-unreachable"))
        .map(DeliveryStatus::state)
        .contains(DeliveryState.FAILED);
    assertThat(
            TwoNodes.entries(nodes.provinceHome.outboundLog(), "delivery.failed").stream()
                .filter(e -> "fed-unreachable".equals(e.get("subject"))))
        .hasSize(1);
  }

  @Test
  void aClientCertificateOfAnotherAuthorityIsRefusedAndLogged() throws IOException {
    NodeTls impostor = TwoNodes.tls(nodes.foreignCertificate, nodes.provinceHome);

    assertThatThrownBy(() -> get(impostor, "fed-impostor")).isInstanceOf(IOException.class);

    assertThat(refusals())
        .anySatisfy(
            refusal -> {
              assertThat(refusal.get("subject")).isEqualTo("CN=gd-province,O=govdata");
              assertThat(String.valueOf(((Map<?, ?>) refusal.get("data")).get("reason")))
                  .startsWith("not the certificate of a registered peer (issuer CN=other CA");
            });
    assertThat(received("fed-impostor")).doesNotExist();
  }

  @Test
  void anExpiredClientCertificateOfARegisteredPeerIsRefusedAndLogged() throws IOException {
    NodeTls expired = TwoNodes.tls(nodes.expiredCertificate, nodes.provinceHome);

    assertThatThrownBy(() -> get(expired, "fed-expired")).isInstanceOf(IOException.class);

    assertThat(refusals())
        .anySatisfy(
            refusal -> {
              assertThat(refusal.get("subject")).isEqualTo("CN=zq-city,O=govdata");
              assertThat(String.valueOf(((Map<?, ?>) refusal.get("data")).get("reason")))
                  .startsWith("certificate expired on ");
            });
  }

  @Test
  void aSenderTrustsOnlyTheRegisteredCertificateOfThePeerItDeliversTo() {
    // the province's own agent answers with the province's certificate, not the city's
    assertThatThrownBy(() -> get(nodes.provinceTls, nodes.provinceUrl(), "fed-wrong-server"))
        .isInstanceOf(IOException.class);
  }

  /** A GET of a delivery's state at the city, as a client with {@code tls} pinned to the city. */
  private String get(NodeTls tls, String deliveryId) throws IOException, InterruptedException {
    return get(tls, nodes.cityUrl(), deliveryId);
  }

  private String get(NodeTls tls, URI url, String deliveryId)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls.clientContext(CITY))
            .build();
    return client
        .send(
            HttpRequest.newBuilder(url.resolve(ExchangeAgent.PREFIX + deliveryId)).build(),
            BodyHandlers.ofString())
        .body();
  }

  private List<Map<String, Object>> refusals() throws IOException {
    return TwoNodes.entries(nodes.cityHome.inboundLog(), "peer.refused");
  }

  private static void assertIntact(Path log, String node, java.security.PublicKey key) {
    LogVerification verification = ExchangeLog.verify(log, node, key, Optional.empty());
    assertThat(verification.isIntact()).as(verification.toString()).isTrue();
  }
}
