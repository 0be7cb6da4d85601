package cn.govdata.pipelines.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.LogVerification;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deliveries from a real Iceberg table (shared local Spark) to files and to the local PostgreSQL,
 * with the faults of issue 6: a delivery stopped mid-transfer and resumed, a corrupted file, an
 * unreachable consumer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryIT {

  static final String TABLE = "govdata.exchange_it.population";
  static final ResourceCode RESOURCE = ResourceCode.parse("101101/000001", "resource");
  static final String SCHEMA = "it_delivery_" + UUID.randomUUID().toString().substring(0, 8);
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  static final int FIRST = 2_500;
  static final int APPENDED = 500;

  /** One home for the whole class: the exchange log runs across the tests. */
  final Path home = Path.of("target", "delivery-it", UUID.randomUUID().toString());

  SparkSession spark;
  NodeKey province = NodeKey.generate("gd-province");
  NodeKey city = NodeKey.generate("fs-city");
  ExchangeLog log;
  DeliveryStatusStore statuses;
  List<Duration> waits = new ArrayList<>();
  long firstSnapshot;
  long secondSnapshot;

  @BeforeAll
  void table() throws Exception {
    Files.createDirectories(home);
    spark = SharedSpark.session();
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
    spark.sql(
        "CREATE TABLE "
            + TABLE
            + " (id BIGINT, name STRING, region_code STRING, birth DATE)"
            + " USING iceberg");
    append(0, FIRST);
    firstSnapshot = new SnapshotReader(spark).currentSnapshot(TABLE);
    append(FIRST, APPENDED);
    secondSnapshot = new SnapshotReader(spark).currentSnapshot(TABLE);
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
  }

  @AfterAll
  void drop() throws SQLException {
    if (log != null) {
      log.close();
    }
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
  }

  /** Generated rows: ids from {@code from}, regions alternating between 佛山 and 广州 districts. */
  void append(int from, int count) throws Exception {
    spark
        .range(from, from + count)
        .selectExpr(
            "id",
            "concat('测试', cast(id as string)) as name",
            "case when id % 3 = 0 then '440604' when id % 3 = 1 then '440605' else '440106' end"
                + " as region_code",
            "date_add(date'1980-01-01', cast(id % 9000 as int)) as birth")
        .writeTo(TABLE)
        .append();
  }

  Deliverer deliverer(Faults faults) {
    if (log == null) {
      log = ExchangeLog.open(home.resolve("exchange.log"), province, Clock.systemUTC());
      statuses = new DeliveryStatusStore(home.resolve("status"));
    }
    return new Deliverer(
        spark,
        province,
        log,
        statuses,
        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)),
        waits::add,
        Clock.systemUTC(),
        faults);
  }

  DeliveryRequest full(String id) {
    return new DeliveryRequest(
        id, RESOURCE, TABLE, secondSnapshot, null, List.of(), null, List.of(), "fs-city");
  }

  FileDropReceiver fileReceiver(Path drop) {
    return new FileDropReceiver(drop, city, province.publicKey(), Clock.systemUTC());
  }

  JdbcTable postgres(String table) {
    return new JdbcTable(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "", table, true);
  }

  // ------------------------------------------------------------ files

  @Test
  void aFullCsvDeliveryArrivesWholeWithASignedManifestAndReceipt() throws IOException {
    Path drop = home.resolve("drop-full");
    DeliveryStatus status =
        deliverer(Faults.NONE)
            .deliver(
                full("full-csv"), new FileDrop(drop, FileFormat.CSV, 1_000), fileReceiver(drop));

    assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(status.rowCount()).isEqualTo(FIRST + APPENDED);
    Path directory = drop.resolve("full-csv");
    DeliveryManifest manifest = manifest(directory).verifiedWith(province.publicKey());
    assertThat(manifest.files())
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(f -> assertThat(f.path()).matches("part-\\d{5}\\.csv"));
    assertThat(manifest.schema())
        .extracting(f -> f.name())
        .containsExactly("id", "name", "region_code", "birth");
    assertThat(manifest.snapshotId()).isEqualTo(String.valueOf(secondSnapshot));
    manifest.verifyFiles(directory);
    assertThat(csvIds(directory)).isEqualTo(sourceIds("true"));
    assertThat(Files.readString(directory.resolve("receipt.json"))).contains("ACCEPTED");
    assertThat(statuses.find("full-csv"))
        .map(DeliveryStatus::state)
        .contains(DeliveryState.DELIVERED);
    assertLogged("full-csv", "delivery.sent", "delivery.receipt");
  }

  @Test
  void anIncrementalParquetDeliveryHoldsOnlyTheAppendedRows() throws IOException {
    Path drop = home.resolve("drop-incremental");
    DeliveryRequest incremental =
        new DeliveryRequest(
            "incremental-parquet",
            RESOURCE,
            TABLE,
            secondSnapshot,
            firstSnapshot,
            List.of(),
            null,
            List.of(),
            "fs-city");
    DeliveryStatus status =
        deliverer(Faults.NONE)
            .deliver(incremental, new FileDrop(drop, FileFormat.PARQUET), fileReceiver(drop));

    assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
    Path directory = drop.resolve("incremental-parquet");
    DeliveryManifest manifest = manifest(directory).document();
    assertThat(manifest.isIncremental()).isTrue();
    assertThat(manifest.rowCount()).isEqualTo(APPENDED);
    Set<Long> delivered = new HashSet<>();
    for (Row row :
        spark
            .read()
            .parquet(directory.resolve("part-00000.parquet").toString())
            .select("id")
            .collectAsList()) {
      delivered.add(row.getLong(0));
    }
    assertThat(delivered).isEqualTo(sourceIds("id >= " + FIRST));
  }

  @Test
  void aDeliveryStoppedAfterItsFirstFileResumesWithoutLossOrDuplicate() throws IOException {
    Path drop = home.resolve("drop-resume");
    FileDrop target = new FileDrop(drop, FileFormat.CSV, 1_000);
    Faults crashAfterFirstFile =
        new Faults() {
          @Override
          public void afterFile(Path file, int index) {
            throw new SimulatedCrash("process killed after " + file.getFileName());
          }
        };
    assertThatThrownBy(
            () ->
                deliverer(crashAfterFirstFile)
                    .deliver(full("resume-csv"), target, fileReceiver(drop)))
        .isInstanceOf(SimulatedCrash.class);
    Path directory = drop.resolve("resume-csv");
    assertThat(directory.resolve("part-00000.csv")).exists();
    assertThat(directory.resolve("manifest.json")).doesNotExist();

    DeliveryStatus resumed =
        deliverer(Faults.NONE).deliver(full("resume-csv"), target, fileReceiver(drop));

    assertThat(resumed.state()).as(resumed.detail()).isEqualTo(DeliveryState.DELIVERED);
    List<Long> ids = csvIdList(directory);
    assertThat(ids).hasSize(FIRST + APPENDED).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(sourceIds("true"));
  }

  @Test
  void aCorruptedFileIsCaughtByItsChecksum() {
    Path drop = home.resolve("drop-corrupt");
    Faults corrupt =
        new Faults() {
          @Override
          public void beforeReceipt(Path directory) {
            flipAByte(directory.resolve("part-00001.csv"));
          }
        };
    DeliveryStatus status =
        deliverer(corrupt)
            .deliver(
                full("corrupt-csv"), new FileDrop(drop, FileFormat.CSV, 1_000), fileReceiver(drop));

    assertThat(status.state()).isEqualTo(DeliveryState.REJECTED);
    assertThat(status.detail()).contains("part-00001.csv");
    assertLogged("corrupt-csv", "delivery.receipt");
  }

  @Test
  void theProvinceSendsACityOnlyItsOwnRows() throws IOException {
    Path drop = home.resolve("drop-backflow");
    DeliveryRequest backflow =
        Flows.backflow("backflow-4406", RESOURCE, TABLE, "region_code", "440600", null, "fs-city");
    DeliveryStatus status =
        deliverer(Faults.NONE)
            .deliver(backflow, new FileDrop(drop, FileFormat.CSV), fileReceiver(drop));

    assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
    Path directory = drop.resolve("backflow-4406");
    assertThat(csvIds(directory)).isEqualTo(sourceIds("region_code LIKE '4406%'")).isNotEmpty();
    assertThat(manifest(directory).document().policies())
        .contains("row-filter:region_code in 440600");
  }

  // ------------------------------------------------------------ JDBC

  @Test
  void aJdbcDeliveryKilledMidTransferAndRetriedHoldsEveryRowOnce() throws SQLException {
    JdbcTable target = postgres("person_copy");
    JdbcTableReceiver receiver =
        new JdbcTableReceiver(target, city, province.publicKey(), Clock.systemUTC());
    Faults crashMidTransfer =
        new Faults() {
          @Override
          public void afterRows(long rows) {
            if (rows == 2_000) {
              throw new SimulatedCrash("process killed after " + rows + " rows");
            }
          }
        };
    assertThatThrownBy(
            () -> deliverer(crashMidTransfer).deliver(full("jdbc-full"), target, receiver))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(count("SELECT COUNT(*) FROM person_copy")).isZero();

    DeliveryStatus delivered = deliverer(Faults.NONE).deliver(full("jdbc-full"), target, receiver);
    assertThat(delivered.state()).as(delivered.detail()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(count("SELECT COUNT(*) FROM person_copy")).isEqualTo(FIRST + APPENDED);
    assertThat(count("SELECT COUNT(DISTINCT id) FROM person_copy")).isEqualTo(FIRST + APPENDED);

    DeliveryStatus again = deliverer(Faults.NONE).deliver(full("jdbc-full"), target, receiver);
    assertThat(again.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(count("SELECT COUNT(*) FROM person_copy")).isEqualTo(FIRST + APPENDED);
    assertThat(count("SELECT COUNT(*) FROM govdata_delivery WHERE delivery_id = 'jdbc-full'"))
        .isEqualTo(1);
  }

  @Test
  void anUnreachableConsumerIsRetriedWithBackoffAndReported() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JdbcTable unreachable =
        new JdbcTable(
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/test?connectTimeout=2",
            "postgres",
            "",
            "person_copy",
            true);
    waits.clear();
    DeliveryStatus status =
        deliverer(Faults.NONE)
            .deliver(
                full("unreachable"),
                unreachable,
                new JdbcTableReceiver(unreachable, city, province.publicKey(), Clock.systemUTC()));

    assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(status.attempts()).isEqualTo(3);
    assertThat(status.detail()).contains("Connection");
    assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(statuses.find("unreachable"))
        .map(DeliveryStatus::state)
        .contains(DeliveryState.FAILED);
    assertLogged("unreachable", "delivery.attempt-failed", "delivery.failed");
  }

  // ------------------------------------------------------------ helpers

  /** Stands for the delivering process dying: an Error the deliverer does not catch or retry. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String message) {
      super(message);
    }
  }

  static Signed<DeliveryManifest> manifest(Path directory) throws IOException {
    return Signed.parse(
        Files.readString(directory.resolve("manifest.json")), DeliveryManifest::fromJson);
  }

  Set<Long> sourceIds(String condition) {
    Set<Long> ids = new HashSet<>();
    for (Row row :
        spark
            .read()
            .option("snapshot-id", secondSnapshot)
            .table(TABLE)
            .where(condition)
            .select("id")
            .collectAsList()) {
      ids.add(row.getLong(0));
    }
    return ids;
  }

  static Set<Long> csvIds(Path directory) throws IOException {
    return new HashSet<>(csvIdList(directory));
  }

  static List<Long> csvIdList(Path directory) throws IOException {
    return DeliveredCsv.ids(directory);
  }

  static void flipAByte(Path file) {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, 100);
      one.flip();
      byte flipped = (byte) (one.get() ^ 0x01);
      channel.write(ByteBuffer.wrap(new byte[] {flipped}), 100);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  void assertLogged(String deliveryId, String... kinds) {
    LogVerification verification =
        ExchangeLog.verify(
            home.resolve("exchange.log"), "gd-province", province.publicKey(), Optional.empty());
    assertThat(verification.isIntact()).as(verification.toString()).isTrue();
    String text;
    try {
      text = Files.readString(home.resolve("exchange.log"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    for (String kind : kinds) {
      assertThat(text).contains("\"kind\":\"" + kind + "\"");
    }
    assertThat(text).contains("\"subject\":\"" + deliveryId + "\"");
  }
}
