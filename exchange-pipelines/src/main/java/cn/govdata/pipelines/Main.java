package cn.govdata.pipelines;

import cn.govdata.pipelines.exchange.ExchangeCommands;
import cn.govdata.pipelines.generate.EntityGenerator;
import cn.govdata.pipelines.generate.MacroeconomicGenerator;
import cn.govdata.pipelines.generate.PointGenerator;
import cn.govdata.pipelines.generate.PopulationGenerator;
import cn.govdata.pipelines.geospatial.GeospatialPipeline;
import cn.govdata.pipelines.golden.BaseDatabasePipeline;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.legalentity.LegalEntityPipeline;
import cn.govdata.pipelines.link.LinkCommand;
import cn.govdata.pipelines.link.LinkConfig;
import cn.govdata.pipelines.macro.IndicatorCatalogue;
import cn.govdata.pipelines.macro.MacroeconomicPipeline;
import cn.govdata.pipelines.population.PopulationPipeline;
import cn.govdata.pipelines.run.RunRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The pipelines' command line, called by {@code bin/govdata}:
 *
 * <pre>
 * generate population --people N [--seed S] --output DIR
 * generate legal_entity --entities N [--seed S] --output DIR
 * link --config link.yaml --input a.csv [--charset GBK] [--input b.csv] --output clusters.csv [--truth truth.csv]
 * pipeline population|legal_entity --sources DIR [--mappings DIR] [--link-config FILE] [--home DIR]
 *     [--master M] [--warehouse URI] [--catalog-conf key=value]…
 * pipeline geospatial [--points FILE] [--home DIR] [--master M] [--warehouse URI]
 * pipeline macroeconomic --sources DIR [--mappings DIR] [--indicators FILE] [--tolerance T] [--home DIR] [--master M] [--warehouse URI]
 * generate points --count N [--seed S] --output DIR
 * generate macroeconomic [--from YEAR] [--to YEAR] [--seed S] --output DIR
 * agent --home DIR --port P --tls-keystore F --tls-password-env V [--peers FILE]
 * deliver-due --catalog URL --api-key-env V --home DIR [--once] [--drop DIR]
 *             [--jdbc-url URL --jdbc-user U --jdbc-password-env V]
 * </pre>
 *
 * The last two are the exchange's, see {@link ExchangeCommands}.
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
          "usage: generate | link | pipeline | agent | deliver-due (see bin/govdata help)");
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "generate" -> generate(rest);
      case "link" -> link(rest);
      case "pipeline" -> pipeline(rest);
      case "agent" -> exchange(rest, false);
      case "deliver-due" -> exchange(rest, true);
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
    if (!args.isEmpty() && args.get(0).equals("points")) {
      generatePoints(args.subList(1, args.size()));
      return;
    }
    if (!args.isEmpty() && args.get(0).equals("macroeconomic")) {
      generateMacroeconomic(args.subList(1, args.size()));
      return;
    }
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
    SparkSession spark = SparkSessions.create(settings(Map.of(), List.of()), "govdata-link");
    try {
      LinkCommand.run(spark, arguments, line -> System.err.println("[link] " + line))
          .forEach(System.out::println);
      System.out.println("clusters written to " + arguments.output());
    } finally {
      spark.stop();
    }
  }

  private static final String PIPELINE_USAGE =
      "usage: pipeline population --sources DIR [--mappings DIR] [--link-config FILE] [--home DIR]"
          + " [--warehouse URI] [--catalog-conf key=value] | pipeline legal_entity (the same)"
          + " | pipeline geospatial [--points FILE] | pipeline macroeconomic --sources DIR";

  private static void pipeline(List<String> args) {
    String database = args.isEmpty() ? "" : args.get(0);
    switch (database) {
      case "population" ->
          baseDatabase(
              args,
              PopulationPipeline.definition(),
              PopulationPipeline::defaultMappings,
              PopulationPipeline::defaultLinkConfig);
      case "legal_entity" ->
          baseDatabase(
              args,
              LegalEntityPipeline.definition(),
              LegalEntityPipeline::defaultMappings,
              LegalEntityPipeline::defaultLinkConfig);
      case "geospatial" -> geospatial(args.subList(1, args.size()));
      case "macroeconomic" -> macroeconomic(args.subList(1, args.size()));
      default -> throw new IllegalArgumentException(PIPELINE_USAGE);
    }
  }

  /** {@code pipeline population|legal_entity …}: one run of a base database. */
  private static void baseDatabase(
      List<String> args,
      BaseDatabasePipeline.Definition definition,
      Supplier<List<SourceMapping>> defaultMappings,
      Supplier<LinkConfig> defaultLinkConfig) {
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    List<String> catalogConf = catalogConf(rest);
    Map<String, String> options =
        options(
            rest,
            List.of(
                "--sources",
                "--mappings",
                "--link-config",
                "--home",
                "--master",
                "--run-id",
                "--warehouse",
                "--catalog-conf"));
    PipelineSettings settings = settings(options, catalogConf);
    Path home = Path.of(options.getOrDefault("--home", System.getProperty("govdata.home", "var")));
    String runId =
        options.getOrDefault(
            "--run-id",
            definition.namespace()
                + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    BaseDatabasePipeline.Request request =
        new BaseDatabasePipeline.Request(
            Path.of(required(options, "--sources")),
            options.containsKey("--mappings")
                ? SourceMapping.readAll(Path.of(options.get("--mappings")))
                : defaultMappings.get(),
            options.containsKey("--link-config")
                ? LinkConfig.read(Path.of(options.get("--link-config")))
                : defaultLinkConfig.get(),
            home.resolve("runs"),
            runId,
            LocalDate.now());
    SparkSession spark = SparkSessions.create(settings, "govdata-" + definition.namespace());
    try {
      RunRecord run = new BaseDatabasePipeline(spark, definition, System.err::println).run(request);
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

  private static void exchange(List<String> args, boolean deliverDue) {
    List<String> pairs = new ArrayList<>(args);
    boolean once = pairs.remove("--once");
    List<String> allowed =
        deliverDue
            ? List.of(
                "--catalog",
                "--api-key-env",
                "--home",
                "--interval-seconds",
                "--tls-keystore",
                "--tls-password-env",
                "--peers",
                "--drop",
                "--jdbc-url",
                "--jdbc-user",
                "--jdbc-password-env",
                "--master")
            : List.of(
                "--home", "--port", "--tls-keystore", "--tls-password-env", "--peers", "--bind");
    Map<String, String> options = options(pairs, allowed);
    try {
      if (deliverDue) {
        if (once) {
          options.put("--once", "true");
        }
        Map<String, String> spark = new HashMap<>(options);
        ExchangeCommands.deliverDue(
            options,
            home -> {
              spark.put("--home", home.toString());
              return SparkSessions.create(settings(spark), "govdata-deliver-due");
            });
      } else {
        ExchangeCommands.agent(options);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The master is {@code --master}, else {@code -Dgovdata.spark.master}, else the one spark-submit
   * gave this driver ({@code spark.master}: in cluster mode the driver learns it only from its
   * configuration, and a master set in the session builder would override it), else local[*].
   */
  static PipelineSettings settings(Map<String, String> options) {
    return settings(options, List.of());
  }

  /** Takes every {@code --catalog-conf key=value} out of {@code args}. */
  private static List<String> catalogConf(List<String> args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.size(); ) {
      if (args.get(i).equals("--catalog-conf") && i + 1 < args.size()) {
        values.add(args.remove(i + 1));
        args.remove(i);
      } else {
        i++;
      }
    }
    return values;
  }

  private static PipelineSettings settings(Map<String, String> options, List<String> catalogConf) {
    return PipelineSettings.resolve(
        options.get("--master"),
        Path.of(options.getOrDefault("--home", System.getProperty("govdata.home", "var"))),
        options.get("--warehouse"),
        catalogConf,
        System.getProperties());
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }

  private static void generatePoints(List<String> args) {
    Map<String, String> options = options(args, List.of("--count", "--seed", "--output"));
    Path output = Path.of(required(options, "--output"));
    PointGenerator.Summary summary =
        new PointGenerator(
                Long.parseLong(options.getOrDefault("--seed", "1")),
                Integer.parseInt(options.getOrDefault("--count", "2000")))
            .write(output);
    System.out.printf(
        "generated %,d points into %s: %s%n", summary.points(), output, summary.kinds());
  }

  private static void generateMacroeconomic(List<String> args) {
    Map<String, String> options = options(args, List.of("--from", "--to", "--seed", "--output"));
    Path output = Path.of(required(options, "--output"));
    MacroeconomicGenerator.Summary summary =
        new MacroeconomicGenerator(
                Long.parseLong(options.getOrDefault("--seed", "1")),
                Integer.parseInt(options.getOrDefault("--from", "2021")),
                Integer.parseInt(options.getOrDefault("--to", "2024")))
            .write(output);
    System.out.printf(
        "generated %s rows into %s; injected %d outliers and %d city/district gaps%n",
        summary.rows(), output, summary.outliers(), summary.gaps());
  }

  private static void geospatial(List<String> args) {
    Map<String, String> options =
        options(args, List.of("--points", "--home", "--master", "--run-id", "--warehouse"));
    Path home = Path.of(options.getOrDefault("--home", System.getProperty("govdata.home", "var")));
    GeospatialPipeline.Request request =
        new GeospatialPipeline.Request(
            Optional.ofNullable(options.get("--points")).map(Path::of),
            home.resolve("runs"),
            options.getOrDefault("--run-id", runId("geospatial")));
    SparkSession spark = SparkSessions.create(settings(options), "govdata-geospatial");
    try {
      report(new GeospatialPipeline(spark, System.err::println).run(request));
    } finally {
      spark.stop();
    }
  }

  private static void macroeconomic(List<String> args) {
    Map<String, String> options =
        options(
            args,
            List.of(
                "--sources",
                "--mappings",
                "--indicators",
                "--tolerance",
                "--home",
                "--master",
                "--run-id",
                "--warehouse"));
    Path home = Path.of(options.getOrDefault("--home", System.getProperty("govdata.home", "var")));
    MacroeconomicPipeline.Request defaults =
        MacroeconomicPipeline.Request.defaults(
            Path.of(required(options, "--sources")),
            home.resolve("runs"),
            options.getOrDefault("--run-id", runId("macroeconomic")));
    MacroeconomicPipeline.Request request =
        new MacroeconomicPipeline.Request(
            defaults.sources(),
            options.containsKey("--mappings")
                ? SourceMapping.readAll(Path.of(options.get("--mappings")))
                : defaults.mappings(),
            options.containsKey("--indicators")
                ? IndicatorCatalogue.read(Path.of(options.get("--indicators")))
                : defaults.catalogue(),
            defaults.provinceCode(),
            options.containsKey("--tolerance")
                ? Double.parseDouble(options.get("--tolerance"))
                : defaults.tolerance(),
            defaults.outlierThreshold(),
            defaults.runsDirectory(),
            defaults.runId());
    SparkSession spark = SparkSessions.create(settings(options), "govdata-macroeconomic");
    try {
      report(new MacroeconomicPipeline(spark, System.err::println).run(request));
    } finally {
      spark.stop();
    }
  }

  private static String runId(String pipeline) {
    return pipeline
        + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  private static void report(RunRecord run) {
    System.out.println(
        "run "
            + run.runId()
            + " "
            + run.status()
            + "; reports in "
            + run.details().get("run_directory"));
  }
}
