package cn.govdata.catalog.audit;

import java.time.Instant;

/** Filters of the audit trail; every one optional. */
public record AuditQuery(
    Long entryId, String actor, String action, Long departmentId, Instant since, Instant until) {}
