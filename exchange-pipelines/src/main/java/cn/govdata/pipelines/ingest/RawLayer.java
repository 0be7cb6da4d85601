package cn.govdata.pipelines.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cn.govdata.pipelines.run.PipelineRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The raw layer of a base database: each source read as its mapping says into {@code raw_<source>},
 * standard column names, every row kept (a rejected row carries its reason).
 *
 * @param rows the raw tables' rows, unioned (without {@code run_id})
 * @param inputs per source: department, where it was read from, format, rows and rejected rows
 * @param snapshots table → the snapshot this run committed
 */
public record RawLayer(
    Dataset<Row> rows, List<Map<String, Object>> inputs, Map<String, Long> snapshots) {

  public RawLayer {
    inputs = List.copyOf(inputs);
    snapshots = Map.copyOf(snapshots);
  }

  /** Reads every source and commits its raw table; step {@code step} of the run. */
  public static RawLayer ingest(
      SparkSession spark,
      PipelineRun run,
      int step,
      Path sources,
      List<SourceMapping> mappings,
      String runId) {
    SourceReader reader = new SourceReader(spark);
    List<Map<String, Object>> inputs = new ArrayList<>();
    Map<String, Long> snapshots = new LinkedHashMap<>();
    Dataset<Row> raw = null;
    for (SourceMapping mapping : mappings) {
      run.step(step, "reading " + mapping.location() + " (" + mapping.department() + ")");
      Dataset<Row> rows = reader.read(sources, mapping);
      String table = run.table("raw_" + mapping.source());
      snapshots.put(table, run.replace(rows.withColumn("run_id", lit(runId)), table));
      long count = spark.table(table).count();
      long rejected = spark.table(table).filter(col(SourceReader.REJECTED).isNotNull()).count();
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("source", mapping.source());
      input.put("department", mapping.department());
      input.put(
          mapping.jdbc() == null ? "file" : "jdbc",
          mapping.jdbc() == null ? sources.resolve(mapping.file()).toString() : mapping.location());
      input.put("format", mapping.format());
      input.put("rows", count);
      input.put("rejected_rows", rejected);
      inputs.add(input);
      Dataset<Row> fromTable = spark.table(table).drop("run_id");
      raw = raw == null ? fromTable : raw.unionByName(fromTable, true);
      run.detail(String.format("%,d rows, %,d rejected", count, rejected));
    }
    return new RawLayer(raw, inputs, snapshots);
  }
}
