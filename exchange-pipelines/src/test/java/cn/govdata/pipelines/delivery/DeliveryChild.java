package cn.govdata.pipelines.delivery;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.pipelines.PipelineSettings;
import cn.govdata.pipelines.SparkSessions;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A delivering process for {@link KilledDeliveryIT} to kill: delivers a table into PostgreSQL,
 * printing {@code ROWS n} after each batch and then pausing, so that the test can kill it between
 * two batches, with rows sent but not committed.
 *
 * <p>Arguments: warehouse, table, snapshot id, JDBC URL, target table, delivery id, home.
 */
public final class DeliveryChild {

  private DeliveryChild() {}

  public static void main(String[] args) {
    Path warehouse = Path.of(args[0]);
    Path home = Path.of(args[6]);
    SparkSession spark =
        SparkSessions.configure(
                SparkSession.builder(), new PipelineSettings("local[1]", warehouse, 2))
            .appName("govdata-delivery-child")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    NodeKey sender = NodeKey.load("gd-province", home.resolve("province.key"));
    JdbcTable target = new JdbcTable(args[3], "postgres", "", args[4], true);
    Faults pauseAfterEachBatch =
        new Faults() {
          @Override
          public void afterRows(long rows) {
            System.out.println("ROWS " + rows);
            System.out.flush();
            try {
              // a window wide enough for the test to kill the process mid-transfer
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    try (ExchangeLog log =
        ExchangeLog.open(home.resolve("child-exchange.log"), sender, Clock.systemUTC())) {
      new Deliverer(
              spark,
              sender,
              log,
              new DeliveryStatusStore(home.resolve("child-status")),
              new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
              duration -> {},
              Clock.systemUTC(),
              pauseAfterEachBatch)
          .deliver(
              new DeliveryRequest(
                  args[5],
                  ResourceCode.parse("101101/000002", "resource"),
                  args[1],
                  Long.valueOf(args[2]),
                  null,
                  List.of(),
                  null,
                  List.of(),
                  "fs-city"),
              target,
              new JdbcTableReceiver(
                  target, NodeKey.generate("fs-city"), sender.publicKey(), Clock.systemUTC()));
    }
    System.out.println("DONE");
  }
}
