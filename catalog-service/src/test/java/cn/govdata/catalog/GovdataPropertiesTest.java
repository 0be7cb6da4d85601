package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class GovdataPropertiesTest {

  @Test
  void defaultsFitALocalNode() {
    GovdataProperties properties = bind(Map.of());
    assertThat(properties.home()).isEqualTo(Path.of("var"));
    assertThat(properties.demo().enabled()).isFalse();
    assertThat(properties.api().maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(properties.api().maxPageSize()).isEqualTo(200);
    assertThat(properties.imports().maxFileSize()).isEqualTo(DataSize.ofMegabytes(5));
    assertThat(properties.imports().maxRows()).isEqualTo(2000);
    assertThat(properties.security().bcryptStrength()).isEqualTo(10);
    assertThat(properties.security().initialAdminPassword()).isNull();
  }

  @Test
  void everySettingMapsFromItsKebabCaseName() {
    GovdataProperties properties =
        bind(
            Map.of(
                "govdata.home", "/srv/govdata",
                "govdata.demo.enabled", "true",
                "govdata.api.max-body-size", "512KB",
                "govdata.api.max-page-size", "50",
                "govdata.imports.max-file-size", "2MB",
                "govdata.imports.max-rows", "300",
                "govdata.security.bcrypt-strength", "12",
                "govdata.security.initial-admin-password", "changeit-please"));
    assertThat(properties.home()).isEqualTo(Path.of("/srv/govdata"));
    assertThat(properties.demo().enabled()).isTrue();
    assertThat(properties.api().maxBodySize()).isEqualTo(DataSize.ofKilobytes(512));
    assertThat(properties.api().maxPageSize()).isEqualTo(50);
    assertThat(properties.imports().maxFileSize()).isEqualTo(DataSize.ofMegabytes(2));
    assertThat(properties.imports().maxRows()).isEqualTo(300);
    assertThat(properties.security().bcryptStrength()).isEqualTo(12);
    assertThat(properties.security().initialAdminPassword()).isEqualTo("changeit-please");
  }

  private static GovdataProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("govdata", GovdataProperties.class);
  }
}
