package cn.govdata.catalog.dataapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTableTest {

  @Test
  void namesThatAreNotPlainIdentifiersAreRefused() {
    assertThatThrownBy(() -> new DatasetTable(1, "pop`x", "person", Map.of("a", "b")))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("database must be a plain name");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person; drop", Map.of("a", "b")))
        .hasMessageContaining("table must be a plain name");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of("姓名", "full name")))
        .hasMessageContaining("columns.姓名");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of("a", "x", "b", "x")))
        .hasMessageContaining("same column");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of()))
        .hasMessageContaining("at least one");
  }
}
