package cn.govdata.lineage.graph;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process node of the lineage graph: something that read datasets and wrote datasets.
 *
 * @param qualifiedName unique name, e.g. {@code ingest-population/run-42@gd-province}
 * @param kind a pipeline run or a delivery
 * @param name display name
 * @param inputs qualified names of the datasets read, at least one
 * @param outputs qualified names of the datasets written, at least one
 * @param startedAt when it started
 * @param endedAt when it ended; {@code null} while it runs
 * @param properties descriptive attributes (status, rows, manifest hash ...)
 */
public record LineageProcess(
    String qualifiedName,
    ProcessKind kind,
    String name,
    List<String> inputs,
    List<String> outputs,
    Instant startedAt,
    Instant endedAt,
    Map<String, String> properties) {

  public LineageProcess {
    qualifiedName = Dataset.checkQualifiedName(qualifiedName, "qualifiedName");
    Checks.required(kind, "kind");
    name = Checks.requiredText(name, "name", 200);
    inputs = names(inputs, "inputs");
    outputs = names(outputs, "outputs");
    Checks.required(startedAt, "startedAt");
    if (endedAt != null && endedAt.isBefore(startedAt)) {
      throw new InvalidFieldException(
          "endedAt", "time.order", "endedAt must not be before startedAt");
    }
    properties = Map.copyOf(new TreeMap<>(Checks.required(properties, "properties")));
  }

  /** One run of {@code pipeline} on {@code node}. */
  public static LineageProcess pipelineRun(
      String pipeline,
      String runId,
      String node,
      List<Dataset> inputs,
      List<Dataset> outputs,
      Instant startedAt,
      Instant endedAt,
      String status) {
    return new LineageProcess(
        pipeline + "/" + runId + "@" + node,
        ProcessKind.PIPELINE_RUN,
        pipeline + " " + runId,
        inputs.stream().map(Dataset::qualifiedName).toList(),
        outputs.stream().map(Dataset::qualifiedName).toList(),
        startedAt,
        endedAt,
        Map.of("pipeline", pipeline, "runId", runId, "status", status, "node", node));
  }

  /**
   * A delivery as its manifest describes it, from {@code source} on the sender to {@code target} on
   * the receiver, ended when the receipt came back.
   */
  public static LineageProcess delivery(
      DeliveryManifest manifest, Dataset source, Dataset target, Instant receiptAt) {
    if (!source.node().equals(manifest.senderNode())
        || !target.node().equals(manifest.receiverNode())) {
      throw new InvalidFieldException(
          "target",
          "delivery.nodes",
          "a delivery reads on the sender ("
              + manifest.senderNode()
              + ") and writes on the receiver ("
              + manifest.receiverNode()
              + ")");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("deliveryId", manifest.deliveryId());
    properties.put("manifestSha256", manifest.sha256());
    properties.put("snapshotId", manifest.snapshotId());
    properties.put("rowCount", Long.toString(manifest.rowCount()));
    properties.put("bytes", Long.toString(manifest.bytes()));
    properties.put("policies", String.join(",", manifest.policies()));
    properties.put("senderNode", manifest.senderNode());
    properties.put("receiverNode", manifest.receiverNode());
    return new LineageProcess(
        "delivery:" + manifest.deliveryId() + "@" + manifest.senderNode(),
        ProcessKind.DELIVERY,
        "delivery " + manifest.deliveryId() + " to " + manifest.receiverNode(),
        List.of(source.qualifiedName()),
        List.of(target.qualifiedName()),
        manifest.createdAt(),
        receiptAt,
        properties);
  }

  private static List<String> names(List<String> names, String field) {
    List<String> copy = Checks.copyOf(names, field);
    if (copy.isEmpty()) {
      throw new InvalidFieldException(field, "required", field + " needs at least one dataset");
    }
    for (int i = 0; i < copy.size(); i++) {
      Dataset.checkQualifiedName(copy.get(i), field + "[" + i + "]");
    }
    return copy;
  }
}
