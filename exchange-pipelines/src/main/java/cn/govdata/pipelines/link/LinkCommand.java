package cn.govdata.pipelines.link;

import static org.apache.spark.sql.functions.lit;

import cn.govdata.pipelines.ingest.Encodings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code govdata link --config link.yaml --input a.csv [--input b.csv] --output clusters.csv}:
 * links plain files (CSV, or JSON lines ending in .jsonl) and writes one line per record with its
 * cluster. {@code --charset NAME} applies to the inputs after it; {@code --truth truth.csv}
 * (source, record_id, entity_id) adds pairwise precision, recall and F1 to the summary.
 */
public final class LinkCommand {

  /** The parsed command line. */
  public record Arguments(Path config, List<Input> inputs, Path output, Path truth) {
    public Arguments {
      if (config == null) {
        throw new IllegalArgumentException("--config is required");
      }
      if (inputs == null || inputs.isEmpty()) {
        throw new IllegalArgumentException("at least one --input is required");
      }
      if (output == null) {
        throw new IllegalArgumentException("--output is required");
      }
      inputs = List.copyOf(inputs);
    }
  }

  /** One input file and its encoding. */
  public record Input(Path file, Charset charset) {}

  private LinkCommand() {}

  public static Arguments parse(List<String> args) {
    Path config = null;
    Path output = null;
    Path truth = null;
    Charset charset = StandardCharsets.UTF_8;
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args.get(++i);
      switch (option) {
        case "--config" -> config = Path.of(value);
        case "--input" -> inputs.add(new Input(Path.of(value), charset));
        case "--charset" -> charset = Charset.forName(value);
        case "--output" -> output = Path.of(value);
        case "--truth" -> truth = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new Arguments(config, inputs, output, truth);
  }

  /** Runs the linkage and returns its summary lines. */
  public static List<String> run(
      SparkSession spark, Arguments arguments, Consumer<String> progress) {
    LinkConfig config = LinkConfig.read(arguments.config());
    Linker linker = new Linker(spark, config, progress);
    Dataset<Row> all = null;
    for (Input input : arguments.inputs()) {
      Dataset<Row> prepared = linker.prepare(read(spark, input), LocalDate.now());
      List<String> keep = new ArrayList<>();
      for (LinkConfig.Field field : config.fields()) {
        keep.add(field.name());
      }
      for (String column : config.usedColumns()) {
        if (!keep.contains(column)) {
          keep.add(column);
        }
      }
      if (!keep.contains(config.recordId())) {
        keep.add(config.recordId());
      }
      Dataset<Row> selected =
          prepared.selectExpr(keep.stream().map(c -> "`" + c + "`").toArray(String[]::new));
      if (config.source() != null) {
        selected = selected.withColumn(config.source(), lit(sourceName(input.file())));
      }
      all = all == null ? selected : all.unionByName(selected);
    }
    LinkResult result = linker.link(all);
    write(result.clusters(), arguments.output(), config.source() != null);
    LinkResult.Statistics statistics = result.statistics();
    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            "%,d records, %,d candidate pairs (%.1f per record), %,d linked pairs, %,d clusters",
            statistics.records(),
            statistics.candidatePairs(),
            statistics.candidatePairsPerRecord(),
            statistics.matchedPairs(),
            statistics.clusters()));
    summary.addAll(statistics.model());
    if (arguments.truth() != null) {
      Dataset<Row> truth = spark.read().option("header", "true").csv(arguments.truth().toString());
      summary.add("against the truth: " + PairwiseEvaluation.of(result.clusters(), truth));
    }
    return summary;
  }

  static String sourceName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static Dataset<Row> read(SparkSession spark, Input input) {
    if (!Files.isRegularFile(input.file())) {
      throw new IllegalArgumentException("--input " + input.file() + ": no such file");
    }
    if (input.file().toString().endsWith(".jsonl")) {
      return spark.read().json(input.file().toString());
    }
    Encodings.verify(input.file(), input.charset());
    return spark
        .read()
        .option("header", "true")
        .option("encoding", input.charset().name())
        .option("mode", "FAILFAST")
        .csv(input.file().toString());
  }

  private static void write(Dataset<Row> clusters, Path output, boolean withSource) {
    try {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      List<String> header =
          withSource
              ? List.of("source", "record_id", "cluster_id")
              : List.of("record_id", "cluster_id");
      try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
          CSVPrinter printer =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(header.toArray(String[]::new))
                  .setRecordSeparator('\n')
                  .get()
                  .print(writer)) {
        Iterator<Row> rows =
            clusters
                .select(
                    header.stream()
                        .map(org.apache.spark.sql.functions::col)
                        .toList()
                        .toArray(new org.apache.spark.sql.Column[0]))
                .orderBy("cluster_id")
                .toLocalIterator();
        while (rows.hasNext()) {
          Row row = rows.next();
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
          }
          printer.printRecord(values);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
