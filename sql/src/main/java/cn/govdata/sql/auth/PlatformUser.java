package cn.govdata.sql.auth;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A platform user as the gateway sees them.
 *
 * @param name the user name, also the session user of every statement
 * @param passwordHash the password, hashed with {@link Secrets#hashPassword}; {@code null} if the
 *     user signs in with API keys only
 * @param apiKeyHashes SHA-256 hashes of the user's active API keys
 * @param groups department and role groups for the policies
 */
public record PlatformUser(
    String name, String passwordHash, List<String> apiKeyHashes, Set<String> groups) {

  public PlatformUser {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_.@-]{1,64}")) {
      throw new IllegalArgumentException(
          "user name must be 1-64 letters, digits or _ . @ -, got '" + name + "'");
    }
    apiKeyHashes = apiKeyHashes == null ? List.of() : List.copyOf(apiKeyHashes);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }
}
