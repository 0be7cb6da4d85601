package cn.govdata.catalog.dataapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTableTest {

  @Test
  void namesThatAreNotPlainIdentifiersAreRefused() {
    assertThatThrownBy(() -> new DatasetTable(1, "pop`x", "person", Map.of("a", "b"), null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("database must be a plain name");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person; drop", Map.of("a", "b"), null))
        .hasMessageContaining("table must be a plain name");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of("姓名", "full name"), null))
        .hasMessageContaining("columns.姓名");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of("a", "x", "b", "x"), null))
        .hasMessageContaining("same column");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of(), null))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> new DatasetTable(1, "pop", "person", Map.of("a", "x"), "region"))
        .hasMessageContaining("region column must be one of the mapped columns");
    assertThatThrownBy(() -> new DatasetTable(1, "Pop", "person", Map.of("a", "x"), null))
        .hasMessageContaining("database must be a plain name");
  }
}
