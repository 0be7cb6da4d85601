package cn.govdata.bench.delivery;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.pipelines.PipelineSettings;
import cn.govdata.pipelines.SparkSessions;
import cn.govdata.pipelines.delivery.Deliverer;
import cn.govdata.pipelines.delivery.DeliveryRequest;
import cn.govdata.pipelines.delivery.DeliveryState;
import cn.govdata.pipelines.delivery.DeliveryStatus;
import cn.govdata.pipelines.delivery.DeliveryStatusStore;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.Faults;
import cn.govdata.pipelines.delivery.FileDropReceiver;
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * What a delivery's evidence costs, in one run on this machine: a full CSV delivery of a generated
 * Iceberg table into a drop directory (sorted read, files renamed into place, SHA-256 of every
 * file, signed manifest, the receiver re-reading every file for its checksum and row count, a
 * signed receipt, three exchange-log entries) against
 *
 * <ol>
 *   <li>Spark writing the same rows as CSV with no evidence at all, and
 *   <li>a plain copy ({@code Files.copy}) of the delivered bytes to another directory.
 * </ol>
 *
 * <p>Argument: rows (default 1,000,000; about 100 bytes a row). Everything goes to a temporary
 * directory that is removed.
 */
public final class DeliveryBenchmark {

  private DeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path work = Files.createTempDirectory("govdata-delivery-bench");
    SparkSession spark =
        SparkSessions.configure(
                SparkSession.builder(),
                new PipelineSettings("local[2]", work.resolve("warehouse"), 4))
            .appName("govdata-delivery-bench")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      String table = SparkSessions.CATALOG + ".bench.person";
      spark.sql(
          "CREATE TABLE "
              + table
              + " (id BIGINT, name STRING, region_code STRING,"
              + " birth DATE, address STRING) USING iceberg");
      spark
          .range(rows)
          .selectExpr(
              "id",
              "concat('测试', cast(id as string)) as name",
              "concat('4406', lpad(cast(id % 7 as string), 2, '0')) as region_code",
              "date_add(date'1950-01-01', cast(id % 25000 as int)) as birth",
              "concat('广东省佛山市测试路', cast(id % 9973 as string), '号生成地址') as address")
          .writeTo(table)
          .append();

      NodeKey province = NodeKey.generate("gd-province");
      NodeKey city = NodeKey.generate("fs-city");
      // a first delivery warms the JIT and Spark up, so that neither side of the comparison pays
      // for it; the second is measured
      deliver(spark, table, work, province, city, "warm-up");
      long started = System.nanoTime();
      DeliveryStatus status = deliver(spark, table, work, province, city, "bench-1");
      long deliveryNanos = System.nanoTime() - started;
      if (status.state() != DeliveryState.DELIVERED) {
        throw new IllegalStateException("delivery ended " + status);
      }
      Path delivered = work.resolve("drop").resolve("bench-1");
      long bytes = dataBytes(delivered);

      started = System.nanoTime();
      spark
          .table(table)
          .orderBy("id", "name", "region_code", "birth", "address")
          .write()
          .option("header", "true")
          .csv(work.resolve("plain-spark").toString());
      long sparkNanos = System.nanoTime() - started;

      Path copy = Files.createDirectories(work.resolve("plain-copy"));
      started = System.nanoTime();
      try (Stream<Path> files = Files.list(delivered)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
      long copyNanos = System.nanoTime() - started;

      System.out.printf("rows %,d, delivered %.1f MiB of CSV%n", rows, bytes / 1048576.0);
      System.out.printf(
          "  delivery with evidence   %8.1f s  %8.1f MiB/s%n",
          seconds(deliveryNanos), rate(bytes, deliveryNanos));
      System.out.printf(
          "  Spark CSV, no evidence   %8.1f s  %8.1f MiB/s%n",
          seconds(sparkNanos), rate(bytes, sparkNanos));
      System.out.printf(
          "  plain copy of the bytes  %8.1f s  %8.1f MiB/s%n",
          seconds(copyNanos), rate(bytes, copyNanos));
      System.out.printf("  delivery / Spark CSV     %8.2f%n", (double) sparkNanos / deliveryNanos);
    } finally {
      spark.stop();
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static DeliveryStatus deliver(
      SparkSession spark, String table, Path work, NodeKey province, NodeKey city, String id) {
    Path drop = work.resolve("drop");
    try (ExchangeLog log =
        ExchangeLog.open(work.resolve("exchange.log"), province, Clock.systemUTC())) {
      return new Deliverer(
              spark,
              province,
              log,
              new DeliveryStatusStore(work.resolve("status")),
              RetryPolicy.DEFAULT,
              d -> Thread.sleep(d.toMillis()),
              Clock.systemUTC(),
              Faults.NONE)
          .deliver(
              new DeliveryRequest(
                  id,
                  ResourceCode.parse("101101/000001", "resource"),
                  table,
                  null,
                  null,
                  List.of(),
                  null,
                  List.of(),
                  "fs-city"),
              new FileDrop(drop, FileFormat.CSV),
              new FileDropReceiver(drop, city, province.publicKey(), Clock.systemUTC()));
    }
  }

  private static long dataBytes(Path directory) throws IOException {
    long bytes = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        bytes += Files.size(file);
      }
    }
    return bytes;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double rate(long bytes, long nanos) {
    return bytes / 1048576.0 / seconds(nanos);
  }
}
