package cn.govdata.sql.policy;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: the session user and the groups the platform's user store gives them.
 *
 * @param user the authenticated user name
 * @param groups department and role groups, see {@code PlatformGroups}
 */
public record Principal(String user, Set<String> groups) {

  public Principal {
    Objects.requireNonNull(user, "user");
    groups = Set.copyOf(groups);
  }

  /** A user the store does not know: Ranger still counts them in the {@code public} group. */
  public static Principal unknown(String user) {
    return new Principal(user, Set.of());
  }
}
