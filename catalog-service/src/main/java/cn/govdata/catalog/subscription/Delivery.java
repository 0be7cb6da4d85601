package cn.govdata.catalog.subscription;

import java.time.Instant;

/**
 * A delivery as last reported by the providing department's exchange agent.
 *
 * @param resourceCode the subscribed entry's code, for lists
 * @param target where it goes, e.g. {@code NODE fs-city} or {@code FILES CSV}
 * @param hasReceipt whether the consumer's receipt was reported
 */
public record Delivery(
    String deliveryId,
    long subscriptionId,
    String resourceCode,
    String target,
    Instant slot,
    DeliveryState state,
    int attempts,
    String lastError,
    Long snapshotId,
    Long rows,
    Long bytes,
    boolean hasReceipt,
    String receiptJson,
    String reportedBy,
    Instant createdAt,
    Instant updatedAt) {

  public boolean failed() {
    return state == DeliveryState.FAILED || state == DeliveryState.REJECTED;
  }
}
