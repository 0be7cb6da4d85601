package cn.govdata.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

  @Test
  void localSettingsKeepTheWarehouseUnderTheHome() {
    PipelineSettings settings = PipelineSettings.local(Path.of("/tmp/govdata"));
    assertThat(settings.master()).isEqualTo("local[*]");
    assertThat(settings.warehouse()).isEqualTo(Path.of("/tmp/govdata/warehouse"));
  }

  @Test
  void rejectsABlankMaster() {
    assertThatThrownBy(() -> new PipelineSettings(" ", Path.of("w")))
        .hasMessageContaining("spark master");
  }
}
