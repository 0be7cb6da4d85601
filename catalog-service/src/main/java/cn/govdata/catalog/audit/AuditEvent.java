package cn.govdata.catalog.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which entry, when, and why.
 *
 * @param actor the user name
 * @param actorRole the user's role at the time
 * @param action e.g. {@code CREATED}, {@code UPDATED}, {@code SUBMITTED}, {@code RETURNED}, {@code
 *     BATCH_ASSIGNED}, {@code IMPORTED}
 * @param fromStatus the status before, {@code null} on creation
 * @param toStatus the status after
 * @param reason the reason given, required for returns
 * @param detail anything else worth keeping, e.g. the open batch
 */
public record AuditEvent(
    long id,
    Instant occurredAt,
    String actor,
    String actorRole,
    String action,
    Long entryId,
    String entryCode,
    Long departmentId,
    String fromStatus,
    String toStatus,
    String reason,
    String detail) {}
