package cn.govdata.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

  private static final String PREFIX = "spark.sql.catalog.govdata.";

  @Test
  void localSettingsKeepTheWarehouseUnderTheHome() {
    PipelineSettings settings = PipelineSettings.local(Path.of("/tmp/govdata"));
    assertThat(settings.master()).isEqualTo("local[*]");
    assertThat(settings.warehouse()).isEqualTo(Path.of("/tmp/govdata/warehouse").toUri());
    assertThat(settings.catalogProperties())
        .containsEntry(PREFIX + "type", "hadoop")
        .containsEntry(PREFIX + "warehouse", Path.of("/tmp/govdata/warehouse").toUri().toString())
        .containsEntry("spark.sql.catalog.govdata", "org.apache.iceberg.spark.SparkCatalog");
  }

  @Test
  void rejectsABlankMaster() {
    assertThatThrownBy(() -> new PipelineSettings(" ", Path.of("w")))
        .hasMessageContaining("spark master");
  }

  @Test
  void defaultsComeFromTheHomeAndSystemProperties() {
    Properties system = new Properties();
    system.setProperty("govdata.spark.master", "local[3]");
    system.setProperty("govdata.shuffle.partitions", "16");
    PipelineSettings settings =
        PipelineSettings.resolve(null, Path.of("/srv/govdata"), null, List.of(), system);
    assertThat(settings.master()).isEqualTo("local[3]");
    assertThat(settings.shufflePartitions()).isEqualTo(16);
    assertThat(settings.warehouse()).isEqualTo(URI.create("file:///srv/govdata/warehouse"));
    assertThat(settings.catalog()).isEmpty();
  }

  @Test
  void warehouseTakesAnyHadoopFileSystemUriOrALocalPath() {
    Properties none = new Properties();
    for (String uri : List.of("hdfs://namenode:8020/govdata/warehouse", "s3a://zone-bucket/wh")) {
      PipelineSettings settings =
          PipelineSettings.resolve("local[2]", Path.of("var"), uri, List.of(), none);
      assertThat(settings.warehouse()).isEqualTo(URI.create(uri));
      assertThat(settings.catalogProperties()).containsEntry(PREFIX + "warehouse", uri);
    }
    PipelineSettings local =
        PipelineSettings.resolve("local[2]", Path.of("var"), "other/wh", List.of(), none);
    assertThat(local.warehouse()).isEqualTo(Path.of("other/wh").toAbsolutePath().toUri());
  }

  @Test
  void catalogPropertiesFromOptionsAndSystemPropertiesMakeARestCatalog() {
    Properties system = new Properties();
    system.setProperty(PREFIX + "uri", "http://from-system:8181");
    system.setProperty(PREFIX + "token", "t");
    system.setProperty("spark.sql.catalog.other.type", "hive");
    PipelineSettings settings =
        PipelineSettings.resolve(
            "local[2]",
            Path.of("var"),
            "s3a://bucket/wh",
            List.of("type=rest", PREFIX + "uri=http://catalog:8181"),
            system);
    assertThat(settings.catalog())
        .isEqualTo(Map.of("type", "rest", "uri", "http://catalog:8181", "token", "t"));
    assertThat(settings.catalogProperties())
        .containsEntry(PREFIX + "type", "rest")
        .containsEntry(PREFIX + "uri", "http://catalog:8181")
        .doesNotContainKey("spark.sql.catalog.other.type");
  }

  @Test
  void aCatalogImplementationReplacesTheHadoopType() {
    PipelineSettings settings =
        PipelineSettings.resolve(
            "local[2]",
            Path.of("var"),
            null,
            List.of("catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog"),
            new Properties());
    assertThat(settings.catalogProperties())
        .doesNotContainKey(PREFIX + "type")
        .containsEntry(PREFIX + "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog");
  }

  @Test
  void malformedSettingsNameWhatIsWrong() {
    Properties none = new Properties();
    assertThatThrownBy(
            () -> PipelineSettings.resolve(null, Path.of("v"), null, List.of("type"), none))
        .hasMessageContaining("key=value")
        .hasMessageContaining("'type'");
    assertThatThrownBy(
            () ->
                PipelineSettings.resolve(
                    null, Path.of("v"), null, List.of("spark.sql.shuffle.partitions=3"), none))
        .hasMessageContaining("not a property of the catalog");
    Properties badPartitions = new Properties();
    badPartitions.setProperty("govdata.shuffle.partitions", "many");
    assertThatThrownBy(
            () -> PipelineSettings.resolve(null, Path.of("v"), null, List.of(), badPartitions))
        .hasMessageContaining("govdata.shuffle.partitions");
  }
}
