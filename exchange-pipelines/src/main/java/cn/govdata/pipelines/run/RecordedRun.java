package cn.govdata.pipelines.run;

import static org.apache.spark.sql.functions.lit;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Table writes of the geospatial and macroeconomic pipelines (which run in a {@link PipelineRun}):
 * a table replaced in one snapshot, tagged with the run, its snapshot id noted in the outputs.
 */
public final class RecordedRun {

  private RecordedRun() {}

  /**
   * Replaces an Iceberg table's content with {@code rows} (tagged with the run) in one new snapshot
   * and notes the snapshot id in {@code outputs}.
   */
  public static void replace(
      Dataset<Row> rows, String table, String runId, Map<String, Object> outputs) {
    rows.withColumn("run_id", lit(runId)).writeTo(table).using("iceberg").createOrReplace();
    outputs.put(table, latestSnapshot(rows.sparkSession(), table));
  }

  public static long latestSnapshot(SparkSession spark, String table) {
    return PipelineRun.latestSnapshot(spark, table);
  }
}
