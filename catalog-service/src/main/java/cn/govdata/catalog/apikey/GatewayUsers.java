package cn.govdata.catalog.apikey;

import cn.govdata.governance.policy.PlatformGroups;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bridge to the SQL gateway's user store: the catalog owns users and API keys, the gateway
 * authenticates from a user file ({@code sql}'s {@code FileUserDirectory}: {@code {"users": [{name,
 * passwordHash, apiKeyHashes, groups}]}}), re-read whenever it changes. This writes that file from
 * the catalog after every key or user change and at start, so a key works over JDBC and the data
 * API alike and a revoked key stops at both. Passwords are not bridged (the catalog's are BCrypt,
 * the gateway's PBKDF2): users reach the gateway with their API keys.
 *
 * <p>Groups follow {@link PlatformGroups}: a cataloguer carries their department's group; every
 * staff member carries {@code government}; developers carry none (the public).
 */
@Component
public class GatewayUsers {

  private final JdbcClient jdbc;
  private final ApiKeyRepository keys;
  private final Path file;
  private final ObjectMapper json = new ObjectMapper();

  GatewayUsers(JdbcClient jdbc, ApiKeyRepository keys, DataApiLimits settings) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.file = settings.gatewayUsersFile();
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    publish();
  }

  /** Rewrites the gateway's user file, if one is configured. */
  public synchronized void publish() {
    if (file == null) {
      return;
    }
    Map<String, List<String>> hashes = new LinkedHashMap<>();
    for (String[] key : keys.activeKeyHashes()) {
      hashes.computeIfAbsent(key[0], k -> new ArrayList<>()).add(key[1]);
    }
    List<Map<String, Object>> users =
        jdbc.sql(
                "SELECT u.username, u.role, d.credit_code FROM staff_user u LEFT JOIN department d"
                    + " ON d.id = u.department_id WHERE u.enabled = TRUE ORDER BY u.username")
            .query(
                (rs, n) -> {
                  String name = rs.getString(1);
                  Map<String, Object> user = new LinkedHashMap<>();
                  user.put("name", name);
                  user.put("passwordHash", null);
                  user.put("apiKeyHashes", hashes.getOrDefault(name, List.of()));
                  user.put("groups", groups(rs.getString(2), rs.getString(3)));
                  return user;
                })
            .list();
    write(Map.of("users", users));
  }

  static List<String> groups(String role, String departmentCreditCode) {
    TreeSet<String> groups = new TreeSet<>();
    if (!"DEVELOPER".equals(role)) {
      groups.add(PlatformGroups.GOVERNMENT);
    }
    if (departmentCreditCode != null) {
      groups.add(PlatformGroups.department(departmentCreditCode));
    }
    return List.copyOf(groups);
  }

  private void write(Object document) {
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temporary = Files.createTempFile(absolute.getParent(), ".users", ".json");
      json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), document);
      // the gateway re-reads on change: it must never see half a file
      Files.move(
          temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the gateway's user file " + file, e);
    }
  }
}
