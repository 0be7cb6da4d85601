package cn.govdata.governance.exchange;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * 交付清单: what one delivery of a shared resource carries, signed by the sending node and answered by
 * the receiving node's signed {@link Receipt}. It names the data (resource, snapshot, schema), its
 * size (rows, bytes, and a SHA-256 per file), the policies that shaped it (row filters, masks) and
 * the two nodes.
 *
 * @param deliveryId the delivery's id, stable across retries so that a redelivery is recognised
 * @param resourceCode the directory resource delivered (信息资源代码)
 * @param snapshotId the table snapshot the data was read from
 * @param baseSnapshotId for an incremental delivery the snapshot it starts after; {@code null} for
 *     a full one
 * @param schema the delivered columns, at least one, names unique
 * @param rowCount rows delivered
 * @param bytes bytes delivered; equals the sum of the files' sizes when there are files
 * @param files the delivered files, paths unique; empty when rows went straight into a table
 * @param policies ids of the policies applied to the data on its way out, e.g. a row filter to the
 *     receiver's region or a column mask
 * @param senderNode the node that sends
 * @param receiverNode the node that receives; differs from the sender
 * @param createdAt when the manifest was made
 */
public record DeliveryManifest(
    String deliveryId,
    ResourceCode resourceCode,
    String snapshotId,
    String baseSnapshotId,
    List<ManifestField> schema,
    long rowCount,
    long bytes,
    List<ManifestFile> files,
    List<String> policies,
    String senderNode,
    String receiverNode,
    Instant createdAt)
    implements CanonicalDocument {

  public DeliveryManifest {
    List<FieldViolation> violations = new ArrayList<>();
    deliveryId = check(violations, deliveryId, v -> Checks.requiredText(v, "deliveryId", 128));
    check(violations, resourceCode, v -> Checks.required(v, "resourceCode"));
    snapshotId = check(violations, snapshotId, v -> Checks.requiredText(v, "snapshotId", 64));
    baseSnapshotId =
        check(violations, baseSnapshotId, v -> Checks.optionalText(v, "baseSnapshotId", 64));
    schema = Checks.copyOf(schema, "schema");
    files = Checks.copyOf(files, "files");
    policies = Checks.copyOf(policies, "policies");
    senderNode = check(violations, senderNode, v -> NodeKey.checkNodeId(v, "senderNode"));
    receiverNode = check(violations, receiverNode, v -> NodeKey.checkNodeId(v, "receiverNode"));
    check(violations, createdAt, v -> Checks.required(v, "createdAt"));

    if (schema.isEmpty()) {
      violations.add(new FieldViolation("schema", "required", "schema needs at least one field"));
    }
    unique(violations, schema.stream().map(ManifestField::name).toList(), "schema", "name");
    unique(violations, files.stream().map(ManifestFile::path).toList(), "files", "path");
    if (rowCount < 0) {
      violations.add(
          new FieldViolation("rowCount", "non-negative", "rowCount must not be negative"));
    }
    long fileBytes = files.stream().mapToLong(ManifestFile::bytes).sum();
    if (bytes < 0 || (!files.isEmpty() && bytes != fileBytes)) {
      violations.add(
          new FieldViolation(
              "bytes",
              "bytes.sum-of-files",
              "bytes must be the sum of the files' sizes (" + fileBytes + "), got " + bytes));
    }
    if (senderNode != null && senderNode.equals(receiverNode)) {
      violations.add(
          new FieldViolation(
              "receiverNode", "receiver.not-sender", "a node does not deliver to itself"));
    }
    if (baseSnapshotId != null && baseSnapshotId.equals(snapshotId)) {
      violations.add(
          new FieldViolation(
              "baseSnapshotId",
              "incremental.range",
              "an incremental delivery starts after a snapshot other than the one it reads"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
  }

  /** Whether the delivery holds only the changes after {@link #baseSnapshotId}. */
  public boolean isIncremental() {
    return baseSnapshotId != null;
  }

  /**
   * Checks every file as received under {@code directory}: present, of its size, with its SHA-256.
   *
   * @throws IntegrityException naming the first file that differs
   */
  public void verifyFiles(Path directory) {
    for (ManifestFile file : files) {
      file.verifyUnder(directory);
    }
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deliveryId", deliveryId);
    json.put("resourceCode", resourceCode.toString());
    json.put("snapshotId", snapshotId);
    json.put("baseSnapshotId", baseSnapshotId);
    json.put("schema", schema.stream().map(ManifestField::toJson).toList());
    json.put("rowCount", rowCount);
    json.put("bytes", bytes);
    json.put("files", files.stream().map(ManifestFile::toJson).toList());
    json.put("policies", policies);
    json.put("senderNode", senderNode);
    json.put("receiverNode", receiverNode);
    json.put("createdAt", createdAt.toString());
    return json;
  }

  /** Reads the form {@link #toJson()} writes. */
  public static DeliveryManifest fromJson(Map<String, Object> object) {
    JsonFields json = JsonFields.of(object);
    return new DeliveryManifest(
        json.string("deliveryId"),
        ResourceCode.parse(json.string("resourceCode"), "resourceCode"),
        json.string("snapshotId"),
        json.optionalString("baseSnapshotId"),
        json.objects("schema", ManifestField::fromJson),
        json.longValue("rowCount"),
        json.longValue("bytes"),
        json.objects("files", ManifestFile::fromJson),
        json.strings("policies"),
        json.string("senderNode"),
        json.string("receiverNode"),
        json.instant("createdAt"));
  }

  private static void unique(
      List<FieldViolation> violations, List<String> names, String list, String field) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(names.get(i))) {
        violations.add(
            new FieldViolation(
                list + "[" + i + "]." + field,
                list + ".unique-" + field,
                list + " " + field + " '" + names.get(i) + "' appears more than once"));
      }
    }
  }

  /** Applies a check, collecting its violation so that all broken rules are reported at once. */
  private static <T, R> R check(List<FieldViolation> violations, T value, Function<T, R> check) {
    try {
      return check.apply(value);
    } catch (InvalidFieldException e) {
      violations.addAll(e.violations());
      return null;
    }
  }
}
