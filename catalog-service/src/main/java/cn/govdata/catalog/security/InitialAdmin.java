package cn.govdata.catalog.security;

import cn.govdata.catalog.GovdataProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh node has no users, so nobody could sign in to create them: on start without any
 * administrator, create {@code admin} with the configured password or a generated one written to a
 * file only the service's user can read. Runs after the demo loader, which brings its own admin.
 */
@Component
@Order(100)
class InitialAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

  private final UserRepository repository;
  private final Users users;
  private final GovdataProperties properties;

  InitialAdmin(UserRepository repository, Users users, GovdataProperties properties) {
    this.repository = repository;
    this.users = users;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (repository.anyWithRole(Role.GOVERNANCE_ADMIN) || repository.exists("admin")) {
      return;
    }
    String configured = properties.security().initialAdminPassword();
    if (configured != null && !configured.isBlank()) {
      users.create("admin", configured, Role.GOVERNANCE_ADMIN, null);
      log.info("created the initial administrator 'admin' with the configured password");
      return;
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    users.create("admin", password, Role.GOVERNANCE_ADMIN, null);
    Path file = properties.home().resolve("initial-admin-password");
    Files.createDirectories(file.getParent());
    Files.writeString(file, password + "\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      log.debug("no POSIX permissions on this file system");
    }
    log.info(
        "created the initial administrator 'admin'; its password is in {}", file.toAbsolutePath());
  }
}
