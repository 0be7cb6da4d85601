package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The service starts on the embedded default with nothing configured but its home. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "govdata.home=target/test-home/application",
      "govdata.security.bcrypt-strength=4"
    })
class CatalogApplicationTest {

  @Autowired TestRestTemplate http;

  @Test
  void healthEndpointAnswersUp() {
    assertThat(http.getForObject("/actuator/health", String.class)).contains("\"UP\"");
    assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("\"UP\"");
  }

  @Test
  void aFreshNodeGetsAnAdministratorWithAGeneratedPasswordOnlyItsOwnerReads() throws Exception {
    Path file = Path.of("target/test-home/application/initial-admin-password");
    assertThat(file).exists();
    String password = Files.readString(file).strip();
    assertThat(password).hasSizeGreaterThanOrEqualTo(20);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(http.withBasicAuth("admin", password).getForObject("/api/v1/me", String.class))
        .contains("GOVERNANCE_ADMIN");
  }
}
