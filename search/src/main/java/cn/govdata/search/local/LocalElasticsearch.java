package cn.govdata.search.local;

import cn.govdata.search.SearchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local single-node Elasticsearch with the Chinese analysis plugin, for integration tests: one
 * node per test JVM on a free port, started on first use and stopped when the JVM exits. It drives
 * {@code search/bin/es-local}, the same script {@code bin/govdata up} uses, so tests run the node
 * exactly as the local platform does.
 *
 * <p>System properties (set by the search module's Failsafe configuration; other modules set them
 * the same way): {@code govdata.search.esLocal} the script, {@code govdata.search.esWork} the work
 * directory, {@code govdata.search.esDistDir} where the build copied the two zips.
 */
public final class LocalElasticsearch {

  private static final long START_TIMEOUT_SECONDS = 300;
  private static LocalElasticsearch shared;

  private final Path script;
  private final Path work;
  private final int port;
  private final Map<String, String> environment;

  private LocalElasticsearch(Path script, Path work, int port, Path distDir) {
    this.script = script;
    this.work = work;
    this.port = port;
    Map<String, String> env = new HashMap<>();
    env.put("ES_PORT", Integer.toString(port));
    env.put("ES_WORK", work.toString());
    env.put("ES_JAVA_HOME", System.getProperty("java.home"));
    if (distDir != null) {
      env.put("ES_DIST_ZIP", findZip(distDir, "elasticsearch-").toString());
      env.put("ES_PLUGIN_ZIP", findZip(distDir, "search-analysis-plugin-").toString());
    }
    this.environment = Map.copyOf(env);
  }

  /** The node of this JVM, started on first call with fresh data and stopped at exit. */
  public static synchronized LocalElasticsearch shared() {
    if (shared == null) {
      String distDir = System.getProperty("govdata.search.esDistDir");
      shared =
          start(
              Path.of(required("govdata.search.esLocal")),
              Path.of(required("govdata.search.esWork")),
              distDir == null ? null : Path.of(distDir));
    }
    return shared;
  }

  /**
   * Starts a node on a free port with fresh data in {@code work}, stopped when the JVM exits (or
   * earlier by {@link #stop()}).
   *
   * @param script {@code search/bin/es-local}
   * @param distDir where the build copied the distribution and plugin zips; {@code null} lets the
   *     script find or build them
   */
  public static LocalElasticsearch start(Path script, Path work, Path distDir) {
    LocalElasticsearch node = new LocalElasticsearch(script, work, freePort(), distDir);
    node.run("stop"); // a node left over by a killed JVM would hold the data directory
    node.deleteData();
    try {
      node.run("start");
    } catch (RuntimeException e) {
      node.stop(); // a node that came up after the timeout would outlive this JVM
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-local-elasticsearch"));
    return node;
  }

  public int port() {
    return port;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Settings for a catalog under {@code alias} on this node; tests use one alias each. */
  public SearchSettings settings(String alias) {
    return new SearchSettings(url(), alias);
  }

  /** Stops the node; safe to call twice. */
  public void stop() {
    try {
      run("stop");
    } catch (RuntimeException e) {
      System.err.println("could not stop the local Elasticsearch: " + e.getMessage());
    }
  }

  private void run(String command) {
    List<String> line = new ArrayList<>(List.of("bash", script.toString(), command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(work);
      Path log = work.resolve("es-local-" + command + ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("es-local " + command + " did not finish; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "es-local "
                + command
                + " failed (exit "
                + process.exitValue()
                + "):\n"
                + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("running " + script + " " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running es-local " + command, e);
    }
  }

  /** Tests start from an empty node: old indices from earlier runs would only slow the start. */
  private void deleteData() {
    Path data = work.resolve("data");
    if (!Files.isDirectory(data)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + data, e);
    }
  }

  private static Path findZip(Path dir, String prefix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith(".zip"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no " + prefix + "*.zip in " + dir + "; run ./mvnw -pl search -am package"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set; the search module's Failsafe sets it");
    }
    return value;
  }
}
