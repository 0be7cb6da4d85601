package cn.govdata.pipelines.link;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.generate.EntityGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same engine on organisations: enterprise, tax and social-organisation registers linked by
 * credit code, legacy organisation code and tax number, and by name where the code is missing.
 */
class EntityLinkIT {

  @TempDir Path directory;

  @Test
  void linksRegistersAcrossCreditCodesLegacyCodesAndNames() throws IOException {
    long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
    new EntityGenerator(seed, 2_000).write(directory, done -> {});
    Path config = directory.resolve("legal_entity.yaml");
    try (InputStream in =
        EntityLinkIT.class.getResourceAsStream("/cn/govdata/pipelines/link/legal_entity.yaml")) {
      Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
    }
    SparkSession spark = SharedSpark.session();
    Path output = directory.resolve("clusters.csv");
    LinkCommand.run(
        spark,
        LinkCommand.parse(
            List.of(
                "--config", config.toString(),
                "--input", directory.resolve("market_regulation.csv").toString(),
                "--input", directory.resolve("social_organisations.jsonl").toString(),
                "--charset", "GBK",
                "--input", directory.resolve("tax.csv").toString(),
                "--output", output.toString())),
        line -> {});

    Dataset<Row> clusters = spark.read().option("header", "true").csv(output.toString());
    Dataset<Row> truth =
        spark
            .read()
            .option("header", "true")
            .csv(directory.resolve("truth.csv").toString())
            .filter("source <> 'public_institutions'");
    PairwiseEvaluation evaluation = PairwiseEvaluation.of(clusters, truth);
    System.out.println("entities, seed " + seed + ": " + evaluation);
    assertThat(clusters.count()).isEqualTo(truth.count());
    assertThat(evaluation.precision()).isGreaterThan(0.95);
    assertThat(evaluation.recall()).isGreaterThan(0.9);
  }
}
