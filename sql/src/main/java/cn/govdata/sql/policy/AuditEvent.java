package cn.govdata.sql.policy;

import java.time.Instant;
import java.util.List;

/**
 * One access decision as the audit keeps it: who, what, how, which policy, and the result.
 *
 * @param time when it was decided
 * @param user the session user
 * @param groups the user's groups at the time
 * @param resource the Ranger resource, e.g. {@code population/person/id_number}
 * @param access the access type asked for, e.g. {@code select}
 * @param kind {@code access}, {@code mask} or {@code row-filter}
 * @param allowed for access: whether it was allowed; for masks and filters: whether the value or
 *     the rows are shown unrestricted
 * @param policyId the deciding policy, -1 when none matched (denied by default)
 * @param detail the mask type or the row filter, if any
 */
public record AuditEvent(
    Instant time,
    String user,
    List<String> groups,
    String resource,
    String access,
    String kind,
    boolean allowed,
    long policyId,
    String detail) {

  public AuditEvent {
    groups = List.copyOf(groups);
  }
}
