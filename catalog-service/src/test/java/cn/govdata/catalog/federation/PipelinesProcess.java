package cn.govdata.catalog.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipelines' command line ({@code cn.govdata.pipelines.Main}) as a separate JVM, the way {@code
 * bin/govdata} runs it: the module's jar, its runtime classpath and Spark's Java 17 flags, all
 * written by the exchange-pipelines build (catalog-service's test dependency on that module makes
 * the reactor build it first).
 */
final class PipelinesProcess {

  private static final Path MODULE = Path.of("../exchange-pipelines/target").toAbsolutePath();

  private final List<String> prefix;

  PipelinesProcess() throws IOException {
    Path jar;
    try (var files = Files.list(MODULE)) {
      jar =
          files
              .filter(f -> f.getFileName().toString().matches("exchange-pipelines-.*\\.jar"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no exchange-pipelines jar in " + MODULE));
    }
    String classpath = Files.readString(MODULE.resolve("classpath.txt")).strip();
    String opens = Files.readString(MODULE.resolve("classes/spark-jvm-options.txt")).strip();
    prefix = new ArrayList<>();
    prefix.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    prefix.add("-Xmx1g");
    prefix.addAll(Arrays.asList(opens.split("\\s+")));
    prefix.addAll(List.of("-cp", jar + java.io.File.pathSeparator + classpath));
    prefix.add("cn.govdata.pipelines.Main");
  }

  /** Runs a command to its end, asserting exit 0; returns what it printed. */
  String run(Path log, Map<String, String> environment, String... arguments) throws Exception {
    Process process = start(log, environment, arguments);
    boolean finished = process.waitFor(15, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("finished: " + List.of(arguments) + "\n" + output).isTrue();
    assertThat(process.exitValue()).as(List.of(arguments) + "\n" + output).isZero();
    return output;
  }

  /** Starts a command (e.g. the agent), its output going to {@code log}. */
  Process start(Path log, Map<String, String> environment, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(Arrays.asList(arguments));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }
}
