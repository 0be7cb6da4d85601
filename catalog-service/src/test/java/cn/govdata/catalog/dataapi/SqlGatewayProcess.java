package cn.govdata.catalog.dataapi;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real SQL gateway ({@code sql}'s {@code GatewayLauncher} with its generated demo zone) in a
 * JVM of its own, for the data API's tests. Spark cannot share catalog-service's class path (Spring
 * Boot manages Jackson and Log4j to other lines), so the gateway's class path comes from the {@code
 * sql} module: {@code ./mvnw -pl sql -am compile dependency:build-classpath}, run once per test
 * JVM.
 */
final class SqlGatewayProcess implements AutoCloseable {

  private static final String SPARK_OPENS =
      "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
          + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
          + " --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED"
          + " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
          + " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
          + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
          + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED"
          + " --add-opens=java.base/sun.security.action=ALL-UNNAMED"
          + " --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
          + " -Djdk.reflect.useDirectMethodHandle=false";

  private final Process process;
  private final Path home;
  private final int port;

  private SqlGatewayProcess(Process process, Path home, int port) {
    this.process = process;
    this.home = home;
    this.port = port;
  }

  static SqlGatewayProcess startDemo(Path home, int persons)
      throws IOException, InterruptedException {
    return startDemo(home, persons, Map.of(), Map.of());
  }

  /**
   * The demo gateway with extra Spark settings ({@code -Dspark.govdata...}) and environment
   * variables (secrets such as the catalog API key of its policy source).
   */
  static SqlGatewayProcess startDemo(
      Path home, int persons, Map<String, String> settings, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    String classPath = classPath(home);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of(SPARK_OPENS.split(" ")));
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-cp",
            classPath,
            "cn.govdata.sql.GatewayLauncher",
            "--home",
            home.toString(),
            "--port",
            String.valueOf(port),
            "--demo",
            "--persons",
            String.valueOf(persons),
            "--master",
            "local[1]"));
    Path log = home.resolve("gateway.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    SqlGatewayProcess gateway = new SqlGatewayProcess(process, home, port);
    gateway.awaitReady(log, Duration.ofMinutes(4));
    return gateway;
  }

  /** The sql module's compiled classes and its resolved dependencies. */
  private static String classPath(Path home) throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path file = home.resolve("gateway.classpath");
    Path log = home.resolve("classpath-build.log");
    Process maven =
        new ProcessBuilder(
                root.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-pl",
                "sql",
                "-am",
                "compile",
                "dependency:build-classpath",
                "-Dmdep.outputFile=" + file.toAbsolutePath())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
      maven.destroyForcibly();
      throw new IllegalStateException(
          "could not build the sql module's class path:\n" + Files.readString(log));
    }
    return root.resolve("sql/target/classes")
        + java.io.File.pathSeparator
        + Files.readString(file).strip();
  }

  private void awaitReady(Path log, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains("govdata sql gateway ready")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the gateway exited:\n" + tail(log));
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("the gateway did not start in " + timeout + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  String jdbcUrl() {
    return "jdbc:hive2://127.0.0.1:" + port + "/default";
  }

  /** The gateway's user file, which the catalog writes. */
  Path usersFile() {
    return home.resolve("users.json");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    // the warehouse, policies and users of one test run
    org.springframework.util.FileSystemUtils.deleteRecursively(home.toFile());
  }
}
