package cn.govdata.sql.auth;

import java.util.Optional;

/**
 * The platform's users, as the gateway needs them: to check a password or API key and to give the
 * policies the user's groups. The catalog service will own the users; until then a file-backed
 * directory ({@link FileUserDirectory}) serves.
 */
public interface UserDirectory {

  Optional<PlatformUser> find(String name);

  /** The user if {@code secret} is their password or one of their API keys. */
  default Optional<PlatformUser> authenticate(String name, String secret) {
    if (name == null || secret == null || secret.isEmpty()) {
      return Optional.empty();
    }
    return find(name).filter(user -> Secrets.matches(user, secret));
  }
}
