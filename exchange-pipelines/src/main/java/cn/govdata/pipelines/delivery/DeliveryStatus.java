package cn.govdata.pipelines.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A delivery's state as the console shows it.
 *
 * @param attempts attempts made so far
 * @param rowCount rows delivered, once known
 * @param detail the last error, or the receiver's reason for a rejection
 */
public record DeliveryStatus(
    String deliveryId,
    String resourceCode,
    String target,
    DeliveryState state,
    int attempts,
    Long snapshotId,
    long rowCount,
    String detail,
    Instant updatedAt) {

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deliveryId", deliveryId);
    json.put("resourceCode", resourceCode);
    json.put("target", target);
    json.put("state", state.name());
    json.put("attempts", (long) attempts);
    json.put("snapshotId", snapshotId == null ? null : snapshotId.toString());
    json.put("rowCount", rowCount);
    json.put("detail", detail);
    json.put("updatedAt", updatedAt.toString());
    return json;
  }

  static DeliveryStatus fromJson(Map<String, Object> json) {
    Object snapshot = json.get("snapshotId");
    return new DeliveryStatus(
        (String) json.get("deliveryId"),
        (String) json.get("resourceCode"),
        (String) json.get("target"),
        DeliveryState.valueOf((String) json.get("state")),
        ((Number) json.get("attempts")).intValue(),
        snapshot == null ? null : Long.valueOf((String) snapshot),
        ((Number) json.get("rowCount")).longValue(),
        (String) json.get("detail"),
        Instant.parse((String) json.get("updatedAt")));
  }
}
