package cn.govdata.pipelines;

import cn.govdata.pipelines.generate.EntityGenerator;
import cn.govdata.pipelines.generate.PopulationGenerator;
import cn.govdata.pipelines.link.LinkCommand;
import cn.govdata.pipelines.population.PopulationPipeline;
import cn.govdata.pipelines.run.RunRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The pipelines' command line, called by {@code bin/govdata}:
 *
 * <pre>
 * generate population --people N [--seed S] --output DIR
 * generate legal_entity --entities N [--seed S] --output DIR
 * link --config link.yaml --input a.csv [--charset GBK] [--input b.csv] --output clusters.csv [--truth truth.csv]
 * pipeline population --sources DIR [--mappings DIR] [--link-config FILE] [--home DIR] [--master M]
 * </pre>
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    try {
      run(List.of(args));
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: generate | link | pipeline (see bin/govdata help)");
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "generate" -> generate(rest);
      case "link" -> link(rest);
      case "pipeline" -> pipeline(rest);
      default -> throw new IllegalArgumentException("unknown command " + args.get(0));
    }
  }

  private static Map<String, String> options(List<String> args, List<String> allowed) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String key = args.get(i);
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown option " + key + "; allowed: " + allowed);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(key + " needs a value");
      }
      options.put(key, args.get(i + 1));
    }
    return options;
  }

  private static void generate(List<String> args) {
    if (!args.isEmpty() && args.get(0).equals("legal_entity")) {
      Map<String, String> options =
          options(args.subList(1, args.size()), List.of("--entities", "--seed", "--output"));
      int entities = Integer.parseInt(options.getOrDefault("--entities", "10000"));
      Path output = Path.of(required(options, "--output"));
      System.out.println(
          "generated "
              + new EntityGenerator(Long.parseLong(options.getOrDefault("--seed", "1")), entities)
                  .write(output, done -> System.err.printf("[generate] %,d entities%n", done))
              + " into "
              + output);
      return;
    }
    if (args.isEmpty() || !args.get(0).equals("population")) {
      throw new IllegalArgumentException(
          "usage: generate population --people N [--seed S] --output DIR"
              + " | generate legal_entity --entities N [--seed S] --output DIR");
    }
    Map<String, String> options =
        options(args.subList(1, args.size()), List.of("--people", "--seed", "--output"));
    int people = Integer.parseInt(options.getOrDefault("--people", "10000"));
    long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
    Path output = Path.of(required(options, "--output"));
    long start = System.nanoTime();
    PopulationGenerator.Summary summary =
        new PopulationGenerator(seed, people)
            .write(
                output, done -> System.err.printf("[generate] %,d of %,d people%n", done, people));
    System.out.printf(
        "generated %,d records of %,d people in %.1f s into %s: %s%n",
        summary.totalRows(), people, (System.nanoTime() - start) / 1e9, output, summary.rows());
  }

  private static void link(List<String> args) {
    LinkCommand.Arguments arguments = LinkCommand.parse(args);
    SparkSession spark = SparkSessions.create(settings(Map.of()), "govdata-link");
    try {
      LinkCommand.run(spark, arguments, line -> System.err.println("[link] " + line))
          .forEach(System.out::println);
      System.out.println("clusters written to " + arguments.output());
    } finally {
      spark.stop();
    }
  }

  private static void pipeline(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("population")) {
      throw new IllegalArgumentException(
          "usage: pipeline population --sources DIR [--mappings DIR] [--link-config FILE] [--home DIR]");
    }
    Map<String, String> options =
        options(
            args.subList(1, args.size()),
            List.of("--sources", "--mappings", "--link-config", "--home", "--master", "--run-id"));
    PipelineSettings settings = settings(options);
    Path home = Path.of(options.getOrDefault("--home", System.getProperty("govdata.home", "var")));
    String runId =
        options.getOrDefault(
            "--run-id",
            "population-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    PopulationPipeline.Request request =
        new PopulationPipeline.Request(
            Path.of(required(options, "--sources")),
            options.containsKey("--mappings")
                ? PopulationPipeline.mappingsIn(Path.of(options.get("--mappings")))
                : PopulationPipeline.defaultMappings(),
            options.containsKey("--link-config")
                ? cn.govdata.pipelines.link.LinkConfig.read(Path.of(options.get("--link-config")))
                : PopulationPipeline.defaultLinkConfig(),
            home.resolve("runs"),
            runId,
            LocalDate.now());
    SparkSession spark = SparkSessions.create(settings, "govdata-population");
    try {
      RunRecord run = new PopulationPipeline(spark, System.err::println).run(request);
      System.out.println(
          "run "
              + run.runId()
              + " "
              + run.status()
              + "; reports in "
              + run.details().get("run_directory"));
    } finally {
      spark.stop();
    }
  }

  /**
   * The master is {@code --master}, else {@code -Dgovdata.spark.master}, else the one spark-submit
   * gave this driver ({@code spark.master}: in cluster mode the driver learns it only from its
   * configuration, and a master set in the session builder would override it), else local[*].
   */
  static PipelineSettings settings(Map<String, String> options) {
    Path home = Path.of(options.getOrDefault("--home", System.getProperty("govdata.home", "var")));
    String submitted = System.getProperty("spark.master", "local[*]");
    return new PipelineSettings(
        options.getOrDefault("--master", System.getProperty("govdata.spark.master", submitted)),
        home.resolve("warehouse").toAbsolutePath(),
        Integer.getInteger("govdata.shuffle.partitions", 8));
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }
}
