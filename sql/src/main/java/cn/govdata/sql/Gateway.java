package cn.govdata.sql;

import cn.govdata.governance.policy.PolicyCompiler;
import cn.govdata.governance.policy.RangerImport;
import cn.govdata.sql.auth.FileUserDirectory;
import cn.govdata.sql.auth.GatewayAuthenticator;
import cn.govdata.sql.auth.PlatformUser;
import cn.govdata.sql.auth.Secrets;
import cn.govdata.sql.demo.DemoRows;
import cn.govdata.sql.demo.DemoZone;
import cn.govdata.sql.extension.GovdataSqlExtensions;
import cn.govdata.sql.metadata.SecuredOperationManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.apache.spark.sql.types.StructType;

/**
 * The SQL gateway: a Spark session with the enforcement extension over the Iceberg warehouse, and
 * the Spark Thrift Server (HiveServer2 protocol) embedded in it, authenticating the platform's
 * users. Everything it keeps lives under one home directory:
 *
 * <pre>
 *   warehouse/      Iceberg tables (Hadoop catalog "gov"), unless another warehouse is served
 *   policies.json   the compiled Ranger policies (Ranger import JSON)
 *   policy-cache/   Ranger's policy cache
 *   users.json      the user directory
 *   audit.jsonl     every access decision
 * </pre>
 */
public final class Gateway implements AutoCloseable {

  private final SparkSession spark;
  private final HiveThriftServer2 server;
  private final GatewaySettings settings;

  private Gateway(SparkSession spark, HiveThriftServer2 server, GatewaySettings settings) {
    this.spark = spark;
    this.server = server;
    this.settings = settings;
  }

  /** Starts the thrift server over {@code spark}, which must come from {@link #session}. */
  public static Gateway start(SparkSession spark, GatewaySettings settings) {
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
    SecuredOperationManager.install(server, GatewayRuntime.get(spark.sparkContext().getConf()));
    return new Gateway(spark, server, settings);
  }

  /**
   * The gateway's Spark session: local Spark, the Iceberg catalog {@code gov} as default catalog,
   * the enforcement extension, and the thrift server's port and authentication.
   */
  public static SparkSession session(Path home, GatewaySettings settings, String master) {
    return session(home, home.resolve("warehouse"), settings, master);
  }

  /**
   * The gateway's Spark session over the Iceberg warehouse {@code warehouse} instead of {@code
   * home/warehouse}: e.g. the platform warehouse the base-database pipelines write ({@code
   * var/warehouse}, their catalog {@code govdata}). The gateway serves it as its catalog {@code
   * gov}, with the same enforcement as every table: a table no policy grants is denied.
   */
  public static SparkSession session(
      Path home, Path warehouse, GatewaySettings settings, String master) {
    Path absolute = home.toAbsolutePath();
    System.setProperty("derby.stream.error.file", absolute.resolve("derby.log").toString());
    // Hive's authentication factory reads a fresh HiveConf, which takes system properties.
    System.setProperty("hive.server2.authentication", "CUSTOM");
    System.setProperty(
        "hive.server2.custom.authentication.class", GatewayAuthenticator.class.getName());
    System.setProperty(
        GatewayAuthenticator.USERS_FILE_PROPERTY, absolute.resolve("users.json").toString());
    // Settings already given (spark-submit's properties file, as the Helm chart passes them) win;
    // the local defaults keep everything under home.
    SparkConf preset = new SparkConf();
    String catalog = preset.get(GatewayRuntime.CATALOG, GatewayRuntime.DEFAULT_CATALOG);
    String catalogKey = "spark.sql.catalog." + catalog;
    String extensions = GovdataSqlExtensions.class.getName();
    String presetExtensions = preset.get("spark.sql.extensions", "");
    if (!presetExtensions.isBlank() && !presetExtensions.contains(extensions)) {
      extensions = extensions + "," + presetExtensions;
    }
    SparkSession.Builder builder =
        SparkSession.builder()
            .master(master)
            .appName("govdata-sql-gateway")
            .config("spark.sql.extensions", extensions)
            .config("spark.sql.defaultCatalog", catalog)
            .config(GatewayRuntime.CATALOG, catalog)
            .config("hive.server2.thrift.bind.host", settings.host())
            .config("hive.server2.thrift.port", String.valueOf(settings.port()))
            .config("hive.server2.transport.mode", "binary")
            .config("hive.server2.authentication", "CUSTOM")
            .config(
                "hive.server2.custom.authentication.class", GatewayAuthenticator.class.getName())
            .config("hive.server2.enable.doAs", "false");
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("spark.ui.enabled", "false");
    defaults.put("spark.sql.shuffle.partitions", "4");
    defaults.put("spark.sql.catalogImplementation", "in-memory");
    defaults.put(catalogKey, "org.apache.iceberg.spark.SparkCatalog");
    defaults.put(catalogKey + ".type", "hadoop");
    defaults.put(catalogKey + ".warehouse", warehouse.toAbsolutePath().toUri().toString());
    defaults.put("spark.sql.warehouse.dir", absolute.resolve("spark-warehouse").toUri().toString());
    defaults.put("spark.govdata.home", absolute.toString());
    defaults.put(GatewayRuntime.POLICY_FILE, absolute.resolve("policies.json").toString());
    defaults.put(GatewayRuntime.POLICY_CACHE_DIR, absolute.resolve("policy-cache").toString());
    defaults.put(GatewayRuntime.USERS_FILE, absolute.resolve("users.json").toString());
    defaults.put(GatewayRuntime.AUDIT_FILE, absolute.resolve("audit.jsonl").toString());
    defaults.forEach((key, value) -> builder.config(key, preset.get(key, value)));
    System.setProperty(
        GatewayAuthenticator.USERS_FILE_PROPERTY,
        preset.get(GatewayRuntime.USERS_FILE, defaults.get(GatewayRuntime.USERS_FILE)));
    return builder.getOrCreate();
  }

  /**
   * Writes the demo zone into {@code home}: its compiled policies, its users (with the demo
   * passwords) and, if the tables are empty, {@code persons} generated people.
   */
  public static void loadDemo(SparkSession spark, Path home, int persons) {
    writePolicies(home);
    FileUserDirectory.write(
        home.resolve("users.json"),
        DemoZone.USERS.stream()
            .map(
                u ->
                    new PlatformUser(
                        u.name(), Secrets.hashPassword(u.password()), List.of(), u.groups()))
            .toList());
    String catalog = spark.conf().get(GatewayRuntime.CATALOG, GatewayRuntime.DEFAULT_CATALOG);
    GatewayRuntime.asSystem(
        () -> {
          for (String namespace : List.of("default", "population", "open_data", "workspace")) {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + "." + namespace);
          }
          List<Row> people = DemoRows.persons(persons, 20260101L);
          fill(spark, catalog + ".population.person", DemoRows.PERSON, people);
          fill(
              spark,
              catalog + ".population.household",
              DemoRows.HOUSEHOLD,
              DemoRows.households(people));
          fill(
              spark,
              catalog + ".open_data.air_quality",
              DemoRows.AIR_QUALITY,
              DemoRows.airQuality(30, 7L));
          return null;
        });
  }

  /** Compiles the demo zone's directory into {@code home/policies.json}. */
  public static Path writePolicies(Path home) {
    Path file = home.resolve("policies.json");
    try {
      Files.createDirectories(home);
      Files.writeString(
          file,
          RangerImport.toJson(new PolicyCompiler().compile(DemoZone.policyInput()), Instant.now()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private static void fill(SparkSession spark, String table, StructType schema, List<Row> rows) {
    spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (" + schema.toDDL() + ") USING iceberg");
    if (spark.table(table).isEmpty()) {
      try {
        spark.createDataFrame(rows, schema).writeTo(table).append();
      } catch (NoSuchTableException e) {
        throw new IllegalStateException(table + " was created just before", e);
      }
    }
  }

  public GatewaySettings settings() {
    return settings;
  }

  public SparkSession spark() {
    return spark;
  }

  @Override
  public void close() {
    server.stop();
    spark.stop();
    GatewayRuntime.reset();
  }
}
