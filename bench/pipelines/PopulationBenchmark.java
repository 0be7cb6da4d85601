/*
 * Population pipeline benchmark (not a test): generates N people's extracts from five departments,
 * runs the population pipeline end to end on them, and prints rows/s, peak memory, candidate pairs
 * per record and pairwise precision/recall/F1 against the generator's truth.
 *
 * Run through bench/pipelines/run.sh, which builds the module and passes the classpath and the
 * JVM flags Spark needs on Java 17.
 */

import cn.govdata.pipelines.PipelineSettings;
import cn.govdata.pipelines.SparkSessions;
import cn.govdata.pipelines.generate.PopulationGenerator;
import cn.govdata.pipelines.golden.BaseDatabasePipeline;
import cn.govdata.pipelines.link.PairwiseEvaluation;
import cn.govdata.pipelines.population.PopulationPipeline;
import cn.govdata.pipelines.run.RunRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

public class PopulationBenchmark {

  public static void main(String[] args) throws Exception {
    int people = 100_000;
    long seed = 42;
    Path work = Path.of("var/bench/pipelines");
    String master = "local[*]";
    int partitions = 8;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--people" -> people = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        case "--master" -> master = args[i + 1];
        case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path run = work.resolve(people + "-people");
    Path sources = run.resolve("sources");
    Path warehouse = run.resolve("warehouse");
    deleteRecursively(warehouse);

    long generateStart = System.nanoTime();
    PopulationGenerator.Summary summary =
        new PopulationGenerator(seed, people).write(sources, done -> {
          if (done % 100_000 == 0) {
            System.err.printf("[bench] generated %,d people%n", done);
          }
        });
    double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
    long rows = summary.totalRows();
    System.err.printf("[bench] %,d source rows for %,d people in %.1f s%n", rows, people, generateSeconds);

    SparkSession spark =
        SparkSessions.create(
            new PipelineSettings(master, warehouse.toAbsolutePath(), partitions), "govdata-bench");
    spark.sparkContext().setLogLevel("WARN");
    int cores = spark.sparkContext().defaultParallelism();
    long start = System.nanoTime();
    RunRecord record =
        new PopulationPipeline(spark, System.err::println)
            .run(
                new BaseDatabasePipeline.Request(
                    sources,
                    PopulationPipeline.defaultMappings(),
                    PopulationPipeline.defaultLinkConfig(),
                    run.resolve("runs"),
                    "bench-" + people,
                    LocalDate.of(2025, 7, 1)));
    double seconds = (System.nanoTime() - start) / 1e9;

    PairwiseEvaluation evaluation = PopulationPipeline.evaluate(spark, summary.truth());
    @SuppressWarnings("unchecked")
    Map<String, Object> linkage = (Map<String, Object>) record.details().get("linkage");
    long linked = spark.table(PopulationPipeline.table("record_links")).count();
    spark.stop();

    System.out.printf(
        "rows=%d people=%d cores=%d seconds=%.1f rows_per_s=%.0f rows_per_core_s=%.0f"
            + " peak_rss_mb=%d peak_heap_mb=%d candidate_pairs_per_record=%.2f linked_records=%d"
            + " precision=%.4f recall=%.4f f1=%.4f generate_s=%.1f%n",
        rows,
        people,
        cores,
        seconds,
        rows / seconds,
        rows / seconds / cores,
        peakResidentMegabytes(),
        peakHeapMegabytes(),
        ((Number) linkage.get("candidate_pairs_per_record")).doubleValue(),
        linked,
        evaluation.precision(),
        evaluation.recall(),
        evaluation.f1(),
        generateSeconds);
  }

  /** The process's peak resident set (VmHWM), which includes Spark's off-heap buffers. */
  private static long peakResidentMegabytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static long peakHeapMegabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  private static void deleteRecursively(Path path) throws Exception {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
