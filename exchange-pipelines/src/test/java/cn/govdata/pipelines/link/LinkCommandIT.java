package cn.govdata.pipelines.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.generate.PopulationGenerator;
import cn.govdata.pipelines.ingest.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line linkage on generated department extracts, measured against their truth. */
class LinkCommandIT {

  @TempDir static Path directory;
  static Path config;
  static long seed;

  @BeforeAll
  static void generate() throws IOException {
    // not tuned to one fixture: any seed in the range must pass the bounds
    seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
    new PopulationGenerator(seed, 3_000).write(directory, done -> {});
    config = directory.resolve("population.yaml");
    try (InputStream in =
        LinkCommandIT.class.getResourceAsStream("/cn/govdata/pipelines/link/population.yaml")) {
      Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void linksThreeDepartmentsWithHighPrecisionAndRecall() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path output = directory.resolve("clusters.csv");
    LinkCommand.Arguments arguments =
        LinkCommand.parse(
            List.of(
                "--config", config.toString(),
                "--input", directory.resolve("police_household.csv").toString(),
                "--input", directory.resolve("civil_affairs.csv").toString(),
                "--charset", "GBK",
                "--input", directory.resolve("social_insurance.csv").toString(),
                "--output", output.toString()));
    List<String> log = new ArrayList<>();
    LinkCommand.run(spark, arguments, log::add);

    Dataset<Row> clusters = spark.read().option("header", "true").csv(output.toString());
    Dataset<Row> truth =
        spark.read().option("header", "true").csv(directory.resolve("truth.csv").toString());
    PairwiseEvaluation evaluation = PairwiseEvaluation.of(clusters, truth);
    System.out.println("seed " + seed + ": " + evaluation + "\n" + String.join("\n", log));

    long expectedRecords =
        Files.readAllLines(directory.resolve("truth.csv")).stream()
            .filter(
                l ->
                    l.startsWith("police_household,")
                        || l.startsWith("civil_affairs,")
                        || l.startsWith("social_insurance,"))
            .count();
    assertThat(clusters.count()).isEqualTo(expectedRecords);
    assertThat(evaluation.precision()).isGreaterThan(0.95);
    assertThat(evaluation.recall()).isGreaterThan(0.93);
    assertThat(evaluation.f1()).isGreaterThan(0.95);
  }

  @Test
  void gbkFileReadAsUtf8IsRefusedWithAHint() {
    LinkCommand.Arguments arguments =
        LinkCommand.parse(
            List.of(
                "--config", config.toString(),
                "--input", directory.resolve("social_insurance.csv").toString(),
                "--output", directory.resolve("never.csv").toString()));
    assertThatThrownBy(() -> LinkCommand.run(SharedSpark.session(), arguments, line -> {}))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("social_insurance.csv")
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("GBK");
    assertThat(directory.resolve("never.csv")).doesNotExist();
  }

  @Test
  void configNamingAColumnNoInputHasIsRefusedNamingTheField() throws IOException {
    Path broken = directory.resolve("broken.yaml");
    Files.writeString(broken, Files.readString(config).replace("[sex, 性别, gender]", "[sex_code]"));
    LinkCommand.Arguments arguments =
        LinkCommand.parse(
            List.of(
                "--config", broken.toString(),
                "--input", directory.resolve("police_household.csv").toString(),
                "--output", directory.resolve("never.csv").toString()));
    assertThatThrownBy(() -> LinkCommand.run(SharedSpark.session(), arguments, line -> {}))
        .isInstanceOf(LinkConfigException.class)
        .hasMessageContaining("fields.sex")
        .hasMessageContaining("sex_code");
  }
}
