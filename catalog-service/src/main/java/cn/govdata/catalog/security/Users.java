package cn.govdata.catalog.security;

import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates users and issues API keys. */
@Service
public class Users {

  private final UserRepository users;
  private final DepartmentRepository departments;
  private final PasswordEncoder passwords;

  Users(UserRepository users, DepartmentRepository departments, PasswordEncoder passwords) {
    this.users = users;
    this.departments = departments;
    this.passwords = passwords;
  }

  /**
   * Creates a user. Staff need a password of at least 8 characters; developers, exchange agents and
   * policy readers may have none and use API keys only.
   */
  @Transactional
  public void create(String username, String password, Role role, Long departmentId) {
    Checks.requiredText(username, "username", 64);
    if (!username.matches("[A-Za-z0-9._-]{3,64}")) {
      throw new InvalidFieldException(
          "username", "username.format", "username must be 3 to 64 of A-Z a-z 0-9 . _ -");
    }
    Checks.required(role, "role");
    boolean departmental = role == Role.CATALOGUER || role == Role.EXCHANGE_AGENT;
    if (departmental && departmentId == null) {
      throw new InvalidFieldException(
          "departmentId",
          "cataloguer.department",
          "a cataloguer or exchange agent must belong to a department");
    }
    if (departmentId != null && departments.find(departmentId).isEmpty()) {
      throw new InvalidFieldException(
          "departmentId", "department.unknown", "there is no department " + departmentId);
    }
    if (users.exists(username)) {
      throw new InvalidFieldException(
          "username", "username.taken", "the username " + username + " is taken");
    }
    if (!departmental && departmentId != null) {
      throw new InvalidFieldException(
          "departmentId",
          "department.only-cataloguer",
          "only cataloguers and exchange agents belong to a department");
    }
    boolean keyOnly =
        role == Role.DEVELOPER || role == Role.EXCHANGE_AGENT || role == Role.POLICY_READER;
    if (password == null ? !keyOnly : password.length() < 8) {
      throw new InvalidFieldException(
          "password", "password.min-length", "password must have at least 8 characters");
    }
    users.create(
        username, password == null ? null : passwords.encode(password), role, departmentId);
  }

  /** Issues an API key to a user and returns it; only its hash is kept. */
  @Transactional
  public String issueApiKey(String username, String label) {
    String key = ApiKeys.generate();
    users.addApiKey(username, ApiKeys.hash(key), label);
    return key;
  }

  /** Registers a key chosen elsewhere (the documented demo key). */
  @Transactional
  public void registerApiKey(String username, String key, String label) {
    users.addApiKey(username, ApiKeys.hash(key), label);
  }
}
