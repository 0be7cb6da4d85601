package cn.govdata.catalog.subscription;

import java.util.List;

/**
 * One delivery an exchange agent should make now: the contract of {@code GET
 * /api/v1/subscriptions/due} (docs/federation.md). The delivery id is the subscription id and the
 * slot start ({@code yyyyMMddHHmm}, UTC), the same on every retry of the slot.
 */
public record DueDelivery(
    long subscriptionId,
    String deliveryId,
    long applicationId,
    String resourceCode,
    String database,
    String table,
    DeliveryMode mode,
    Long lastSnapshotId,
    List<String> columns,
    List<String> regionCodes,
    String regionColumn,
    Target target) {

  public DueDelivery {
    columns = List.copyOf(columns);
    regionCodes = List.copyOf(regionCodes);
  }
}
