package cn.govdata.sql.auth;

import cn.govdata.sql.GatewayRuntime;
import java.nio.file.Path;
import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * HiveServer2 CUSTOM authentication against the platform's users: a user name with the user's
 * password or one of their API keys. Configured with {@code hive.server2.authentication=CUSTOM} and
 * {@code hive.server2.custom.authentication.class} set to this class.
 */
public final class GatewayAuthenticator implements PasswdAuthenticationProvider {

  /** System property naming the user file, for a JVM where the runtime is not yet built. */
  public static final String USERS_FILE_PROPERTY = "govdata.gateway.users-file";

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    UserDirectory users =
        GatewayRuntime.current()
            .map(GatewayRuntime::users)
            .orElseGet(
                () -> new FileUserDirectory(Path.of(System.getProperty(USERS_FILE_PROPERTY))));
    if (users.authenticate(user, password).isEmpty()) {
      // One message for unknown user and wrong secret: the answer must not reveal which.
      throw new AuthenticationException("authentication failed for user '" + user + "'");
    }
  }
}
