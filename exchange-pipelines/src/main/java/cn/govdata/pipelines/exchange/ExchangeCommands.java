package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The exchange's commands of the pipelines' command line:
 *
 * <pre>
 * agent --home DIR --port P --tls-keystore F --tls-password-env V [--peers FILE] [--bind ADDRESS]
 * deliver-due --catalog URL --api-key-env V --home DIR [--once] [--interval-seconds N]
 *             [--tls-keystore F] [--tls-password-env V] [--peers FILE]
 *             [--drop DIR] [--jdbc-url URL --jdbc-user U --jdbc-password-env V]
 * </pre>
 *
 * The node id is the CN of the keystore's certificate; the peers file defaults to {@code
 * ${home}/federation/peers.json}, the keystore to {@code ${home}/federation/node.p12} and its
 * password's variable to {@code GOVDATA_TLS_PASSWORD}. FILES targets go to {@code --drop} (default
 * {@code ${home}/exchange/drop}), JDBC targets to tables of the database at {@code --jdbc-url}.
 */
public final class ExchangeCommands {

  private ExchangeCommands() {}

  /** Runs the agent until the process is stopped. */
  public static void agent(Map<String, String> options) throws InterruptedException {
    NodeHome home = new NodeHome(Path.of(required(options, "--home")));
    NodeTls tls = tls(options, home);
    String nodeId = NodeHome.nodeId(tls.certificate());
    NodeKey key = home.nodeKey(nodeId);
    ExchangeLog log = ExchangeLog.open(home.inboundLog(), key, Clock.systemUTC());
    int port = Integer.parseInt(required(options, "--port"));
    ExchangeAgent agent =
        new ExchangeAgent(key, tls, log, home.directory(), Clock.systemUTC())
            .start(new InetSocketAddress(options.getOrDefault("--bind", "0.0.0.0"), port));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  log.close();
                }));
    System.out.println(
        "govdata exchange agent "
            + nodeId
            + " ready on https port "
            + agent.port()
            + "; node key "
            + key.publicKeyText());
    Thread.currentThread().join();
  }

  /**
   * Polls the control plane for due deliveries and runs them; with {@code --once} one round.
   *
   * @param spark made on demand, so that a wrong option fails before Spark starts
   */
  public static void deliverDue(Map<String, String> options, Function<Path, SparkSession> spark)
      throws InterruptedException {
    NodeHome home = new NodeHome(Path.of(required(options, "--home")));
    String apiKey = environment(required(options, "--api-key-env"));
    URI catalog = URI.create(required(options, "--catalog"));
    NodeTls tls = tls(options, home);
    NodeKey key = home.nodeKey(NodeHome.nodeId(tls.certificate()));
    boolean once = options.containsKey("--once");
    long interval = Long.parseLong(options.getOrDefault("--interval-seconds", "60"));
    String jdbcUrl = options.get("--jdbc-url");
    SubscriptionDeliveries.LocalTargets local =
        new SubscriptionDeliveries.LocalTargets(
            Path.of(options.getOrDefault("--drop", home.drop().toString())),
            jdbcUrl,
            options.get("--jdbc-user"),
            jdbcUrl == null || !options.containsKey("--jdbc-password-env")
                ? null
                : environment(options.get("--jdbc-password-env")));
    SparkSession session = spark.apply(home.directory());
    try (ExchangeLog log = ExchangeLog.open(home.outboundLog(), key, Clock.systemUTC())) {
      DueDeliveries due =
          new DueDeliveries(
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              catalog,
              apiKey,
              new SubscriptionDeliveries(
                  session, key, tls, log, home, local, RetryPolicy.DEFAULT, Clock.systemUTC()));
      do {
        int ran = due.runOnce();
        System.out.println("deliver-due: " + ran + " deliveries run");
        if (!once) {
          Thread.sleep(Duration.ofSeconds(interval).toMillis());
        }
      } while (!once);
    } finally {
      session.stop();
    }
  }

  private static NodeTls tls(Map<String, String> options, NodeHome home) {
    Path keystore =
        Path.of(
            options.getOrDefault(
                "--tls-keystore", home.directory().resolve("federation/node.p12").toString()));
    char[] password =
        environment(options.getOrDefault("--tls-password-env", "GOVDATA_TLS_PASSWORD"))
            .toCharArray();
    Path peers = Path.of(options.getOrDefault("--peers", home.peers().toString()));
    return NodeTls.load(keystore, password, new PeerRegistry(peers), Clock.systemUTC());
  }

  private static String environment(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + variable + " is not set");
    }
    return value;
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }
}
