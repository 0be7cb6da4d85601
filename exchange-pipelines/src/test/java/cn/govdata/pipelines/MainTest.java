package cn.govdata.pipelines;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline command line refuses what it cannot run before any Spark session starts. */
class MainTest {

  @Test
  void pipelineWithoutADatabaseAnswersTheUsageOfBoth() {
    assertThatThrownBy(() -> Main.run(List.of("pipeline")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("usage: pipeline population --sources DIR")
        .hasMessageContaining("pipeline legal_entity");
    assertThatThrownBy(() -> Main.run(List.of("pipeline", "people")))
        .hasMessageStartingWith("usage: pipeline population ");
  }

  @Test
  void legalEntityPipelineNamesItsOptionsAndTheRequiredSources() {
    assertThatThrownBy(() -> Main.run(List.of("pipeline", "legal_entity", "--bogus", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --bogus")
        .hasMessageContaining("--warehouse")
        .hasMessageContaining("--catalog-conf");
    assertThatThrownBy(
            () ->
                Main.run(
                    List.of(
                        "pipeline", "legal_entity", "--catalog-conf", "type=rest", "--home", "v")))
        .hasMessage("--sources is required");
    assertThatThrownBy(
            () ->
                Main.run(
                    List.of(
                        "pipeline", "legal_entity", "--sources", "s", "--catalog-conf", "type")))
        .hasMessageContaining("key=value");
  }
}
