package cn.govdata.sql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway started as its own JVM through {@link GatewayLauncher}, as {@code bin/govdata up}
 * starts it: Spark's Hive jars stay out of the test JVM, which only holds the Hive JDBC client.
 */
public final class GatewayProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final int port;

  private GatewayProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the demo zone gateway on a free port and waits until it accepts connections. */
  public static GatewayProcess startDemo(Path home, int persons)
      throws IOException, InterruptedException {
    return start(home, List.of("--demo", "--persons", String.valueOf(persons)));
  }

  /**
   * Starts the gateway with {@code --home home} and the launcher's {@code options} on a free port
   * and waits until it accepts connections.
   */
  public static GatewayProcess start(Path home, List<String> options)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : System.getProperty("gateway.java.options", "-Xmx1g").split("\\s+")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            GatewayLauncher.class.getName(),
            "--home",
            home.toString(),
            "--port",
            String.valueOf(port)));
    command.addAll(options);
    Files.createDirectories(home);
    Path log = home.resolve("gateway.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    GatewayProcess gateway = new GatewayProcess(process, log, port);
    gateway.awaitReady(Duration.ofMinutes(4));
    return gateway;
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains("govdata sql gateway ready")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the gateway exited:\n" + tail());
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("the gateway did not start in " + timeout + ":\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Runs {@code sql} on {@code connection} and returns every row, each as its column values. */
  public static List<List<Object>> query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  public String jdbcUrl() {
    return new GatewaySettings("127.0.0.1", port).jdbcUrl();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
