package cn.govdata.catalog.subscription;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as stored: what the approval granted (columns, region codes), where and when it is
 * delivered, and how far it got.
 *
 * @param status {@code ACTIVE}, or {@code SUSPENDED} once its application is revoked or expired
 * @param database the gateway database of the entry's table ({@code dataset_table})
 * @param columns the granted information items' columns
 * @param regionCodes the granted regions; empty for every row
 * @param regionColumn the column the region filter applies to
 * @param lastSnapshotId the snapshot of the last delivered delivery, {@code null} before the first
 * @param nextSlot the start of the slot due next
 * @param nextDeliveryId the delivery id of that slot
 */
public record Subscription(
    long id,
    long applicationId,
    long entryId,
    String resourceCode,
    long providerDepartmentId,
    Long applicantDepartmentId,
    String applicantUser,
    DeliveryMode mode,
    String schedule,
    Target target,
    String database,
    String table,
    List<String> columns,
    List<String> regionCodes,
    String regionColumn,
    String status,
    String statusReason,
    Long lastSnapshotId,
    Instant nextSlot,
    String nextDeliveryId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Subscription {
    columns = List.copyOf(columns);
    regionCodes = List.copyOf(regionCodes);
  }
}
