package cn.govdata.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  @Test
  void defaultJdbcUrlIsTheDocumentedOne() {
    assertThat(GatewaySettings.defaults().jdbcUrl())
        .isEqualTo("jdbc:hive2://127.0.0.1:10000/default");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> new GatewaySettings("localhost", 70000))
        .hasMessageContaining("gateway port");
  }
}
