package cn.govdata.pipelines.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one pipeline run read, wrote and decided (运行记录与血缘): kept as JSON with the run and as a row
 * of the namespace's {@code runs} table, where the catalog service can show it.
 *
 * @param runId unique per run, sortable by time
 * @param pipeline population, legal_entity, geospatial or macroeconomic
 * @param status SUCCEEDED or FAILED
 * @param details inputs (files, rows), outputs (tables and snapshot ids), decisions (linkage
 *     counts, model), reports, the error of a failed run
 */
public record RunRecord(
    String runId,
    String pipeline,
    String status,
    Instant started,
    Instant finished,
    Map<String, Object> details) {

  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    if (!status.equals("SUCCEEDED") && !status.equals("FAILED")) {
      throw new IllegalArgumentException("status must be SUCCEEDED or FAILED, got " + status);
    }
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public boolean succeeded() {
    return status.equals("SUCCEEDED");
  }
}
