package cn.govdata.sql.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.sasl.AuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {

  @TempDir Path home;

  @Test
  void aUserSignsInWithPasswordOrApiKeyAndNothingElse() {
    String key = Secrets.newApiKey();
    Path file = home.resolve("users.json");
    FileUserDirectory.write(
        file,
        List.of(
            new PlatformUser(
                "analyst",
                Secrets.hashPassword("s3cret-pass"),
                List.of(Secrets.hashApiKey(key)),
                Set.of("government"))));
    FileUserDirectory users = new FileUserDirectory(file);
    assertThat(users.authenticate("analyst", "s3cret-pass")).isPresent();
    assertThat(users.authenticate("analyst", key).orElseThrow().groups())
        .containsExactly("government");
    assertThat(users.authenticate("analyst", "wrong")).isEmpty();
    assertThat(users.authenticate("analyst", "")).isEmpty();
    assertThat(users.authenticate("nobody", "s3cret-pass")).isEmpty();
  }

  @Test
  void aRevokedKeyStopsWorkingWhenTheFileChanges() throws Exception {
    String key = Secrets.newApiKey();
    Path file = home.resolve("users.json");
    FileUserDirectory.write(
        file, List.of(new PlatformUser("dev", null, List.of(Secrets.hashApiKey(key)), Set.of())));
    FileUserDirectory users = new FileUserDirectory(file);
    assertThat(users.authenticate("dev", key)).isPresent();
    FileUserDirectory.write(file, List.of(new PlatformUser("dev", null, List.of(), Set.of())));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(users.authenticate("dev", key)).isEmpty();
  }

  @Test
  void passwordsAreStoredSaltedAndSlow() {
    String first = Secrets.hashPassword("same");
    String second = Secrets.hashPassword("same");
    assertThat(first).startsWith("pbkdf2-sha256$").isNotEqualTo(second).doesNotContain("same");
    assertThat(Secrets.passwordMatches(first, "same")).isTrue();
    assertThat(Secrets.passwordMatches("md5$abc", "same")).isFalse();
  }

  @Test
  void theHiveAuthenticatorRejectsAWrongSecretWithoutSayingWhy() throws Exception {
    Path file = home.resolve("users.json");
    FileUserDirectory.write(
        file, List.of(new PlatformUser("clerk", Secrets.hashPassword("pw"), List.of(), Set.of())));
    System.setProperty(GatewayAuthenticator.USERS_FILE_PROPERTY, file.toString());
    GatewayAuthenticator authenticator = new GatewayAuthenticator();
    authenticator.Authenticate("clerk", "pw");
    assertThatThrownBy(() -> authenticator.Authenticate("clerk", "nope"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("authentication failed for user 'clerk'");
    assertThatThrownBy(() -> authenticator.Authenticate("ghost", "pw"))
        .hasMessage("authentication failed for user 'ghost'");
  }

  @Test
  void userNamesAreValidated() {
    assertThatThrownBy(() -> new PlatformUser("a b'; drop", null, null, null))
        .hasMessageContaining("user name");
  }
}
