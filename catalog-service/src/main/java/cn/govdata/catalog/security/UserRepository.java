package cn.govdata.catalog.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their hashed API keys. */
@Repository
public class UserRepository {

  private static final String COLUMNS = "id, username, password_hash, role, department_id, enabled";
  private static final RowMapper<StaffUser> USER =
      (rs, n) ->
          new StaffUser(
              rs.getLong("id"),
              rs.getString("username"),
              rs.getString("password_hash"),
              Role.valueOf(rs.getString("role")),
              rs.getObject("department_id", Long.class),
              rs.getBoolean("enabled"));

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StaffUser> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff_user WHERE username = :username")
        .param("username", username)
        .query(USER)
        .optional();
  }

  Optional<StaffUser> findByApiKeyHash(String keyHash) {
    return jdbc.sql(
            "SELECT u.id, u.username, u.password_hash, u.role, u.department_id, u.enabled"
                + " FROM staff_user u JOIN api_key k ON k.user_id = u.id"
                + " WHERE k.key_hash = :hash AND k.revoked_at IS NULL")
        .param("hash", keyHash)
        .query(USER)
        .optional();
  }

  boolean anyWithRole(Role role) {
    return jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE role = :role")
            .param("role", role.name())
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean exists(String username) {
    return findByUsername(username).isPresent();
  }

  /** Creates a user; the password is already hashed, {@code null} for API-key-only users. */
  public long create(String username, String passwordHash, Role role, Long departmentId) {
    jdbc.sql(
            "INSERT INTO staff_user (username, password_hash, role, department_id, enabled,"
                + " created_at) VALUES (:username, :hash, :role, :department, TRUE, :now)")
        .param("username", username)
        .param("hash", passwordHash)
        .param("role", role.name())
        .param("department", departmentId)
        .param("now", now())
        .update();
    return findByUsername(username).orElseThrow().id();
  }

  public void addApiKey(String username, String keyHash, String label) {
    long userId = findByUsername(username).orElseThrow().id();
    jdbc.sql(
            "INSERT INTO api_key (user_id, key_hash, label, created_at)"
                + " VALUES (:user, :hash, :label, :now)")
        .param("user", userId)
        .param("hash", keyHash)
        .param("label", label)
        .param("now", now())
        .update();
  }

  List<UserView> list() {
    return jdbc.sql(
            "SELECT username, role, department_id, enabled FROM staff_user ORDER BY username")
        .query(
            (rs, n) ->
                new UserView(
                    rs.getString("username"),
                    Role.valueOf(rs.getString("role")),
                    rs.getObject("department_id", Long.class),
                    rs.getBoolean("enabled")))
        .list();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** A user as the API shows it: never the password hash. */
  public record UserView(String username, Role role, Long departmentId, boolean enabled) {}
}
