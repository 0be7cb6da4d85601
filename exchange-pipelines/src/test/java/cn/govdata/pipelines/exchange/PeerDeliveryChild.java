package cn.govdata.pipelines.exchange;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.pipelines.PipelineSettings;
import cn.govdata.pipelines.SparkSessions;
import cn.govdata.pipelines.delivery.Deliverer;
import cn.govdata.pipelines.delivery.DeliveryRequest;
import cn.govdata.pipelines.delivery.DeliveryStatusStore;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import cn.govdata.pipelines.delivery.Faults;
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A sending node's process for {@link KilledPeerDeliveryIT} to kill: delivers a table to the city's
 * agent and, halfway through the second file's bytes, prints {@code STALLED} and pauses, so that
 * the test kills it with one file received whole and one cut off mid-stream.
 *
 * <p>Arguments: warehouse, table, snapshot id, province home, keystore, city URL, delivery id.
 */
public final class PeerDeliveryChild {

  static final int ROWS_PER_FILE = 1_000;

  private PeerDeliveryChild() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSessions.configure(
                SparkSession.builder(), new PipelineSettings("local[1]", Path.of(args[0]), 2))
            .appName("govdata-peer-delivery-child")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    NodeHome home = new NodeHome(Path.of(args[3]));
    NodeKey key = home.nodeKey(TwoNodes.PROVINCE);
    NodeTls tls =
        NodeTls.load(
            Path.of(args[4]),
            TwoNodes.PASSWORD.toCharArray(),
            new PeerRegistry(home.peers()),
            Clock.systemUTC());
    PeerNode target =
        new PeerNode(
            URI.create(args[5]),
            TwoNodes.CITY,
            new FileDrop(home.outbox(), FileFormat.CSV, ROWS_PER_FILE));
    Faults stallInSecondFile =
        new Faults() {
          @Override
          public InputStream inTransit(String file, InputStream bytes) {
            return file.equals("part-00001.csv") ? new Stalling(bytes) : bytes;
          }
        };
    try (ExchangeLog log = ExchangeLog.open(home.outboundLog(), key, Clock.systemUTC())) {
      new Deliverer(
              spark,
              key,
              log,
              new DeliveryStatusStore(home.statuses()),
              new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
              duration -> {},
              Clock.systemUTC(),
              stallInSecondFile)
          .deliver(
              new DeliveryRequest(
                  args[6],
                  ResourceCode.parse("101101/000003", "resource"),
                  args[1],
                  Long.valueOf(args[2]),
                  null,
                  List.of(),
                  null,
                  List.of(),
                  TwoNodes.CITY),
              target,
              new PeerNodeReceiver(target, tls, stallInSecondFile, Duration.ofMinutes(5)));
    }
    System.out.println("DONE");
  }

  /** Passes the first 4 KiB, then reports and waits for the kill. */
  private static final class Stalling extends FilterInputStream {
    private long passed;

    Stalling(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (passed >= 4096) {
        System.out.println("STALLED after " + passed + " bytes");
        System.out.flush();
        try {
          Thread.sleep(120_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      int read = super.read(buffer, offset, (int) Math.min(length, 4096 - passed + 1));
      passed += Math.max(read, 0);
      return read;
    }
  }
}
