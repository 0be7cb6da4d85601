package cn.govdata.pipelines.run;

import cn.govdata.pipelines.SparkSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The frame every base-database pipeline runs in: its Iceberg namespace, numbered progress lines on
 * the console, tables replaced with one snapshot per run, and the run record — SUCCEEDED with what
 * the run read and wrote, or FAILED with the error, after which the exception is rethrown.
 */
public final class PipelineRun {

  /** The namespaces of the four base databases (基础数据库). */
  public static final List<String> NAMESPACES =
      List.of("population", "legal_entity", "geospatial", "macroeconomic");

  /** The work of one run; it fills {@code details} with inputs, outputs and decisions. */
  @FunctionalInterface
  public interface Body {
    void execute(Map<String, Object> details);
  }

  private final SparkSession spark;
  private final String namespace;
  private final int steps;
  private final Consumer<String> progress;

  public PipelineRun(SparkSession spark, String namespace, int steps, Consumer<String> progress) {
    this.spark = spark;
    this.namespace = namespace;
    this.steps = steps;
    this.progress = progress;
  }

  public static String table(String namespace, String name) {
    return SparkSessions.CATALOG + "." + namespace + "." + name;
  }

  public String table(String name) {
    return table(namespace, name);
  }

  public static void createNamespaces(SparkSession spark) {
    for (String namespace : NAMESPACES) {
      spark.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkSessions.CATALOG + "." + namespace);
    }
  }

  /**
   * Runs {@code body} and records the run in {@code <runDirectory>/run.json} and the namespace's
   * {@code runs} table. The last step prints the duration.
   */
  public RunRecord run(String runId, Path runDirectory, Body body) {
    Instant started = Instant.now();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_directory", runDirectory.toString());
    try {
      createNamespaces(spark);
      body.execute(details);
      RunRecord run = new RunRecord(runId, namespace, "SUCCEEDED", started, Instant.now(), details);
      new RunLog(spark).record(namespace, run, runDirectory);
      step(
          steps,
          String.format(
              "done in %.1f s", Duration.between(started, run.finished()).toMillis() / 1000.0));
      return run;
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      RunRecord run = new RunRecord(runId, namespace, "FAILED", started, Instant.now(), details);
      progress.accept(
          "[" + namespace + "] FAILED: " + e.getMessage() + " — golden tables unchanged");
      new RunLog(spark).record(namespace, run, runDirectory);
      throw e;
    }
  }

  /** Prints {@code [namespace n/steps] message}. */
  public void step(int number, String message) {
    progress.accept(String.format("[%s %d/%d] %s", namespace, number, steps, message));
  }

  /** A progress line below the current step. */
  public void detail(String message) {
    progress.accept("    " + message);
  }

  /** Replaces the table's content in one commit and returns the new snapshot's id. */
  public long replace(Dataset<Row> rows, String table) {
    rows.writeTo(table).using("iceberg").createOrReplace();
    return snapshot(table);
  }

  public long snapshot(String table) {
    return latestSnapshot(spark, table);
  }

  /** The id of the table's newest snapshot. */
  public static long latestSnapshot(SparkSession spark, String table) {
    return spark
        .sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1")
        .first()
        .getLong(0);
  }
}
