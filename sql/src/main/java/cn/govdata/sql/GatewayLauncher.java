package cn.govdata.sql;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the SQL gateway and keeps it running until the process is stopped.
 *
 * <pre>
 *   java [Spark's --add-opens flags] -cp ... cn.govdata.sql.GatewayLauncher \
 *       --home var/sql --host 127.0.0.1 --port 10000 [--warehouse var/warehouse] [--demo] \
 *       [--persons 2000] [--master local[2]]
 * </pre>
 *
 * {@code --warehouse} serves that Iceberg warehouse (the base databases the pipelines write)
 * instead of {@code <home>/warehouse}.
 *
 * <p>Prints {@code govdata sql gateway ready: jdbc:hive2://...} once it accepts connections.
 */
public final class GatewayLauncher {

  private GatewayLauncher() {}

  public static void main(String[] args) throws InterruptedException {
    Path home = Path.of("var/sql");
    Path warehouse = null;
    String host = "127.0.0.1";
    int port = GatewaySettings.DEFAULT_PORT;
    boolean demo = false;
    int persons = 2000;
    String master = "local[2]";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[++i]);
        case "--warehouse" -> warehouse = Path.of(args[++i]);
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--demo" -> demo = true;
        case "--persons" -> persons = Integer.parseInt(args[++i]);
        case "--master" -> master = args[++i];
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; options: --home --warehouse --host --port --demo --persons"
                    + " --master");
      }
    }
    GatewaySettings settings = new GatewaySettings(host, port);
    var spark =
        Gateway.session(
            home, warehouse == null ? home.resolve("warehouse") : warehouse, settings, master);
    String catalog = spark.conf().get(GatewayRuntime.CATALOG, GatewayRuntime.DEFAULT_CATALOG);
    System.out.println(
        "govdata sql gateway: catalog "
            + catalog
            + " serves the Iceberg warehouse "
            + spark.conf().get("spark.sql.catalog." + catalog + ".warehouse", "?"));
    if (demo) {
      Gateway.loadDemo(spark, home, persons);
    }
    // Load the policies now, so a missing or corrupt file shows at start, not at the first query.
    if (!GatewayRuntime.get(spark.sparkContext().getConf()).enforcer().hasPolicies()) {
      System.err.println(
          "govdata sql gateway: no policies loaded ("
              + policySource(spark.conf())
              + "); every table is denied until valid policies arrive");
    }
    Gateway gateway = Gateway.start(spark, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                }));
    System.out.println("govdata sql gateway ready: " + settings.jdbcUrl());
    stopped.await();
  }

  private static String policySource(org.apache.spark.sql.RuntimeConfig conf) {
    String url = conf.get(GatewayRuntime.POLICY_URL, "");
    return url.isBlank() ? conf.get(GatewayRuntime.POLICY_FILE, "?") : url;
  }
}
