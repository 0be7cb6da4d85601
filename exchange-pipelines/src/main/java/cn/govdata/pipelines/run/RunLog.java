package cn.govdata.pipelines.run;

import cn.govdata.pipelines.SparkSessions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Records runs: {@code run.json} in the run's directory and a row in {@code <namespace>.runs}. */
public final class RunLog {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("pipeline", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("started", DataTypes.TimestampType, false)
          .add("finished", DataTypes.TimestampType, false)
          .add("details", DataTypes.StringType, false);

  private final SparkSession spark;

  public RunLog(SparkSession spark) {
    this.spark = spark;
  }

  public static String table(String namespace) {
    return SparkSessions.CATALOG + "." + namespace + ".runs";
  }

  public void record(String namespace, RunRecord run, Path runDirectory) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("run_id", run.runId());
    document.put("pipeline", run.pipeline());
    document.put("status", run.status());
    document.put("started", run.started().toString());
    document.put("finished", run.finished().toString());
    document.putAll(run.details());
    String json;
    try {
      Files.createDirectories(runDirectory);
      json = JSON.writeValueAsString(document);
      Files.writeString(runDirectory.resolve("run.json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spark.sql(
        "CREATE TABLE IF NOT EXISTS "
            + table(namespace)
            + " (run_id STRING, pipeline STRING, status STRING, started TIMESTAMP,"
            + " finished TIMESTAMP, details STRING) USING iceberg");
    Row row =
        RowFactory.create(
            run.runId(),
            run.pipeline(),
            run.status(),
            Timestamp.from(run.started()),
            Timestamp.from(run.finished()),
            json);
    try {
      spark.createDataFrame(List.of(row), SCHEMA).writeTo(table(namespace)).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("runs table vanished: " + table(namespace), e);
    }
  }
}
