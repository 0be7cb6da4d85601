package cn.govdata.pipelines.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.LogVerification;
import cn.govdata.pipelines.ChildJvm;
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
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The sending node's process is a child JVM, killed (SIGKILL) in the middle of uploading its second
 * file to the city's agent, after the two files travelling beside it arrived whole; the delivery is
 * then resumed here: those files are not sent again, the cut-off file leaves nothing behind, and
 * the city holds exactly the source rows.
 */
class KilledPeerDeliveryIT {

  static final String TABLE = "govdata.federation_kill.population";
  static final int ROWS = 2_500;

  @Test
  void aSenderKilledMidFileResumesAndTheCityHoldsExactlyTheSourceRows() throws Exception {
    SparkSession spark = SharedSpark.session();
    spark.sql("DROP TABLE IF EXISTS " + TABLE);
    spark.sql("CREATE TABLE " + TABLE + " (id BIGINT, name STRING) USING iceberg");
    spark
        .range(ROWS)
        .selectExpr("id", "concat('测试', cast(id as string)) as name")
        .writeTo(TABLE)
        .append();
    long snapshot = Spark3Util.loadIcebergTable(spark, TABLE).currentSnapshot().snapshotId();
    try (TwoNodes nodes = new TwoNodes(Path.of("target", "killed-peer-it"))) {
      Process child = startChild(nodes, snapshot);
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("STALLED")) {
          // Spark's start-up chatter
        }
        assertThat(line).as("the child stalls inside the second file").startsWith("STALLED");
        // the other files travel side by side with the stalled one: let them arrive whole first
        assertThat(receivedWithin(nodes, Duration.ofSeconds(60)))
            .containsExactlyInAnyOrder("part-00000.csv", "part-00002.csv");
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      Path received =
          ExchangeAgent.receivedDirectory(nodes.cityHome.directory(), TwoNodes.PROVINCE, "kill-1");
      assertThat(received).doesNotExist();

      DeliveryStatus status;
      PeerNode target =
          new PeerNode(
              nodes.cityUrl(),
              TwoNodes.CITY,
              new FileDrop(nodes.provinceHome.outbox(), FileFormat.CSV, 1_000));
      try (ExchangeLog log =
          ExchangeLog.open(
              nodes.provinceHome.outboundLog(), nodes.provinceKey, Clock.systemUTC())) {
        status =
            new Deliverer(
                    spark,
                    nodes.provinceKey,
                    log,
                    new DeliveryStatusStore(nodes.provinceHome.statuses()),
                    new RetryPolicy(2, Duration.ZERO, Duration.ZERO),
                    d -> {},
                    Clock.systemUTC(),
                    Faults.NONE)
                .deliver(
                    new DeliveryRequest(
                        "kill-1",
                        ResourceCode.parse("101101/000003", "resource"),
                        TABLE,
                        snapshot,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        TwoNodes.CITY),
                    target,
                    new PeerNodeReceiver(
                        target, nodes.provinceTls, Faults.NONE, Duration.ofSeconds(30)));
      }

      assertThat(status.state()).as(status.detail()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(DeliveredCsv.ids(received))
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, ROWS).boxed().toList());
      assertThat(filesReceived(nodes))
          .as("the files that arrived before the kill were not sent again")
          .containsExactly("part-00000.csv", "part-00002.csv", "part-00001.csv");
      try (Stream<Path> left = Files.walk(nodes.cityHome.directory().resolve("exchange"))) {
        assertThat(left.map(Path::toString)).noneMatch(p -> p.endsWith(".partial"));
      }
      LogVerification verification =
          ExchangeLog.verify(
              nodes.provinceHome.outboundLog(),
              TwoNodes.PROVINCE,
              nodes.provinceKey.publicKey(),
              Optional.empty());
      assertThat(verification.isIntact()).as(verification.toString()).isTrue();
    } finally {
      spark.sql("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  /** The files the city's agent logged as received whole, one entry per arrival. */
  private static List<String> filesReceived(TwoNodes nodes) throws IOException {
    return TwoNodes.entries(nodes.cityHome.inboundLog(), "delivery.file-received").stream()
        .map(e -> String.valueOf(((Map<?, ?>) e.get("data")).get("file")))
        // the cut-off file last, the others by name: they arrive in either order
        .sorted(
            Comparator.comparing((String name) -> name.equals("part-00001.csv"))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  /** Waits until two files are logged as received (the log is read while the agent writes it). */
  private static List<String> receivedWithin(TwoNodes nodes, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    List<String> received = List.of();
    while (System.nanoTime() < deadline) {
      try {
        received = filesReceived(nodes);
      } catch (IOException | RuntimeException halfWrittenLine) {
        // read again
      }
      if (received.size() >= 2) {
        return received;
      }
      Thread.sleep(100);
    }
    return received;
  }

  private static Process startChild(TwoNodes nodes, long snapshot) throws Exception {
    List<String> command =
        ChildJvm.command(
            PeerDeliveryChild.class,
            List.of(
                SharedSpark.warehouse().toString(),
                TABLE,
                String.valueOf(snapshot),
                nodes.provinceHome.directory().toString(),
                nodes.provinceCertificate.keystore().toString(),
                nodes.cityUrl().toString(),
                "kill-1"));

    return new ProcessBuilder(command)
        .redirectError(nodes.root.resolve("child.err").toFile())
        .start();
  }
}
