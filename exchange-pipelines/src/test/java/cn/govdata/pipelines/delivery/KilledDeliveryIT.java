package cn.govdata.pipelines.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.pipelines.ChildJvm;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The delivering process is a child JVM, killed (SIGKILL) after its first batch of rows went to
 * PostgreSQL; the delivery is then resumed here: the target holds exactly the source rows.
 */
class KilledDeliveryIT {

  static final String TABLE = "govdata.exchange_kill.population";
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  static final int ROWS = 2_500;

  @Test
  void aDeliveryWhoseProcessIsKilledMidTransferResumesToExactlyTheSourceRows() throws Exception {
    SparkSession spark = SharedSpark.session();
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
    spark.sql("CREATE TABLE " + TABLE + " (id BIGINT, name STRING) USING iceberg");
    spark
        .range(ROWS)
        .selectExpr("id", "concat('测试', cast(id as string)) as name")
        .writeTo(TABLE)
        .append();
    long snapshot = new SnapshotReader(spark).currentSnapshot(TABLE);
    Path home =
        Files.createDirectories(Path.of("target", "killed-it", UUID.randomUUID().toString()));
    NodeKey province = NodeKey.generate("gd-province");
    province.writePrivateKey(home.resolve("province.key"));
    String schema = "it_killed_" + UUID.randomUUID().toString().substring(0, 8);
    execute(POSTGRES, "CREATE SCHEMA " + schema);
    String url = POSTGRES + "?currentSchema=" + schema;
    try {
      Process child = startChild(home, snapshot, url);
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ROWS ")) {
          // Spark's start-up chatter
        }
        assertThat(line).as("the child reports its first batch").isEqualTo("ROWS 1000");
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(count(url, "SELECT COUNT(*) FROM person_copy")).isZero();

      JdbcTable target = new JdbcTable(url, "postgres", "", "person_copy", true);
      NodeKey city = NodeKey.generate("fs-city");
      DeliveryStatus status;
      try (ExchangeLog log =
          ExchangeLog.open(home.resolve("exchange.log"), province, Clock.systemUTC())) {
        status =
            new Deliverer(
                    spark,
                    province,
                    log,
                    new DeliveryStatusStore(home.resolve("status")),
                    new RetryPolicy(2, Duration.ZERO, Duration.ZERO),
                    d -> {},
                    Clock.systemUTC(),
                    Faults.NONE)
                .deliver(
                    new DeliveryRequest(
                        "killed-1",
                        ResourceCode.parse("101101/000002", "resource"),
                        TABLE,
                        snapshot,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        "fs-city"),
                    target,
                    new JdbcTableReceiver(target, city, province.publicKey(), Clock.systemUTC()));
      }
      assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(count(url, "SELECT COUNT(*) FROM person_copy")).isEqualTo(ROWS);
      assertThat(count(url, "SELECT COUNT(DISTINCT id) FROM person_copy")).isEqualTo(ROWS);
      assertThat(count(url, "SELECT MIN(id) FROM person_copy")).isZero();
      assertThat(count(url, "SELECT MAX(id) FROM person_copy")).isEqualTo(ROWS - 1);
    } finally {
      execute(POSTGRES, "DROP SCHEMA " + schema + " CASCADE");
      spark.sql("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  private static Process startChild(Path home, long snapshot, String url) throws Exception {
    List<String> command =
        ChildJvm.command(
            DeliveryChild.class,
            List.of(
                SharedSpark.warehouse().toString(),
                TABLE,
                String.valueOf(snapshot),
                url,
                "person_copy",
                "killed-1",
                home.toString()));

    return new ProcessBuilder(command).redirectError(home.resolve("child.err").toFile()).start();
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
