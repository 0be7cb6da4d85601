package cn.govdata.sql;

import cn.govdata.sql.auth.FileUserDirectory;
import cn.govdata.sql.auth.UserDirectory;
import cn.govdata.sql.policy.CompiledPolicySource;
import cn.govdata.sql.policy.JsonLinesAudit;
import cn.govdata.sql.policy.PolicyEnforcer;
import cn.govdata.sql.policy.Principal;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.catalyst.CurrentUserContext;

/**
 * What the gateway's Spark extension and authenticator share in one JVM: the policy enforcer, the
 * user directory and the name of the catalog it serves. Built once from the Spark configuration
 * ({@code spark.govdata.*}); Spark instantiates the extension and Hive the authenticator by class
 * name, so this is how they reach the same objects.
 */
public final class GatewayRuntime {

  public static final String POLICY_FILE = "spark.govdata.policy.file";

  /**
   * The catalog's policy endpoint ({@code .../api/v1/policies/ranger}); when set the gateway polls
   * it instead of reading {@link #POLICY_FILE}.
   */
  public static final String POLICY_URL = "spark.govdata.policy.url";

  /** The environment variable holding the API key for {@link #POLICY_URL}. */
  public static final String POLICY_KEY_ENV = "spark.govdata.policy.keyEnv";

  public static final String POLICY_CACHE_DIR = "spark.govdata.policy.cacheDir";
  public static final String USERS_FILE = "spark.govdata.users.file";
  public static final String AUDIT_FILE = "spark.govdata.audit.file";
  public static final String CATALOG = "spark.govdata.catalog";
  public static final String DEFAULT_CATALOG = "gov";

  private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);
  private static volatile GatewayRuntime current;

  private final PolicyEnforcer enforcer;
  private final UserDirectory users;
  private final String catalog;

  public GatewayRuntime(PolicyEnforcer enforcer, UserDirectory users, String catalog) {
    this.enforcer = enforcer;
    this.users = users;
    this.catalog = catalog;
  }

  /** The runtime of this JVM, built from {@code conf} on first use. */
  public static synchronized GatewayRuntime get(SparkConf conf) {
    if (current == null) {
      Path state = Path.of(conf.get("spark.govdata.home", System.getProperty("java.io.tmpdir")));
      Path policyFile = Path.of(conf.get(POLICY_FILE, state.resolve("policies.json").toString()));
      Path cacheDir = Path.of(conf.get(POLICY_CACHE_DIR, state.resolve("policy-cache").toString()));
      Path audit = Path.of(conf.get(AUDIT_FILE, state.resolve("audit.jsonl").toString()));
      Path usersFile = Path.of(conf.get(USERS_FILE, state.resolve("users.json").toString()));
      String policyUrl = conf.get(POLICY_URL, "").strip();
      JsonLinesAudit decisions = new JsonLinesAudit(audit);
      PolicyEnforcer enforcer =
          policyUrl.isEmpty()
              ? PolicyEnforcer.start(policyFile, cacheDir, "sql-gateway", decisions)
              : PolicyEnforcer.startFromUrl(
                  URI.create(policyUrl),
                  conf.get(POLICY_KEY_ENV, CompiledPolicySource.DEFAULT_KEY_VARIABLE),
                  cacheDir,
                  "sql-gateway",
                  decisions);
      current =
          new GatewayRuntime(
              enforcer, new FileUserDirectory(usersFile), conf.get(CATALOG, DEFAULT_CATALOG));
    }
    return current;
  }

  public static Optional<GatewayRuntime> current() {
    return Optional.ofNullable(current);
  }

  /** Closes and forgets the runtime of this JVM (tests that start several). */
  public static synchronized void reset() {
    if (current != null) {
      current.enforcer.close();
      current = null;
    }
  }

  /**
   * Runs {@code work} on this thread without enforcement: for the gateway's own set-up (creating
   * the demo tables), never reachable from a statement, which runs on the thrift server's threads.
   */
  public static <T> T asSystem(Supplier<T> work) {
    SYSTEM.set(true);
    try {
      return work.get();
    } finally {
      SYSTEM.set(false);
    }
  }

  public static boolean isSystem() {
    return SYSTEM.get();
  }

  public PolicyEnforcer enforcer() {
    return enforcer;
  }

  public UserDirectory users() {
    return users;
  }

  public String catalog() {
    return catalog;
  }

  /**
   * The principal of the statement running on this thread: the thrift server's session user ({@code
   * CurrentUserContext}), with the groups of the user directory. Without a session user the
   * statement runs as {@code anonymous}, in no group.
   */
  public Principal currentPrincipal() {
    return principal(CurrentUserContext.CURRENT_USER().get());
  }

  /** The principal of {@code user}, with the groups of the user directory. */
  public Principal principal(String user) {
    if (user == null || user.isBlank()) {
      return Principal.unknown("anonymous");
    }
    return users
        .find(user)
        .map(u -> new Principal(u.name(), u.groups()))
        .orElseGet(() -> Principal.unknown(user));
  }
}
