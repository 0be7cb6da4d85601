package cn.govdata.catalog.security;

import java.util.Objects;

/**
 * Who is asking: a signed-in user with a role (and, for a cataloguer, a department), or the
 * anonymous public. Every query and change in the service is decided on a caller.
 *
 * @param username the user name, {@code anonymous} for the public
 * @param role the role, {@code null} for the public
 * @param departmentId the department of a cataloguer or an exchange agent, else {@code null}
 */
public record Caller(String username, Role role, Long departmentId) {

  public static final Caller ANONYMOUS = new Caller("anonymous", null, null);

  public Caller {
    Objects.requireNonNull(username, "username");
    if ((role == Role.CATALOGUER || role == Role.EXCHANGE_AGENT) && departmentId == null) {
      throw new IllegalArgumentException("a " + role + " belongs to a department");
    }
  }

  public boolean isAnonymous() {
    return role == null;
  }

  /** Staff: a signed-in administrator, cataloguer or reviewer (not a developer). */
  public boolean isStaff() {
    return role == Role.GOVERNANCE_ADMIN || role == Role.CATALOGUER || role == Role.REVIEWER;
  }

  /** Sees and reviews every department's entries. */
  public boolean seesAllDepartments() {
    return role == Role.GOVERNANCE_ADMIN || role == Role.REVIEWER;
  }

  public boolean is(Role wanted) {
    return role == wanted;
  }

  /** The name the audit trail records, e.g. {@code cataloguer01 (CATALOGUER)}. */
  public String roleName() {
    return role == null ? "ANONYMOUS" : role.name();
  }
}
