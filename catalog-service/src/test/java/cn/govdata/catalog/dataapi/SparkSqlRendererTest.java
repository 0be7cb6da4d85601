package cn.govdata.catalog.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SparkSqlRendererTest {

  static final DatasetTable PERSON =
      new DatasetTable(7, "population", "person", personColumns(), "region_code");

  private static Map<String, String> personColumns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("公民身份号码", "id_number");
    columns.put("姓名", "full_name");
    columns.put("行政区划代码", "region_code");
    return columns;
  }

  private final SparkSqlRenderer renderer =
      new SparkSqlRenderer(PERSON, Set.of("full_name", "region_code"));
  private final QueryParameters parameters = new QueryParameters(100, 1000);

  private String sql(Map<String, String> query) {
    QueryParameters.Parsed parsed = parameters.parse(query);
    return renderer.render(parsed.query(), parsed.style());
  }

  @Test
  void soqlBecomesOneStatementOnTheMappedTable() {
    assertThat(
            sql(
                Map.of(
                    "$select", "full_name,region_code",
                    "$where", "region_code IN ('440604', '440605') AND NOT full_name LIKE '张%'",
                    "$order", "region_code DESC",
                    "$limit", "10",
                    "$offset", "20")))
        .isEqualTo(
            "SELECT `full_name`, `region_code` FROM `population`.`person` WHERE ((`region_code`"
                + " IN ('440604', '440605')) AND (NOT (`full_name` LIKE '张%'))) ORDER BY"
                + " `region_code` DESC LIMIT 11 OFFSET 20");
  }

  @Test
  void ckanFiltersQFieldsAndSort() {
    assertThat(
            sql(
                Map.of(
                    "filters", "{\"region_code\": [\"440604\", 440605], \"full_name\": null}",
                    "q", "50%_off",
                    "fields", "id_number",
                    "sort", "full_name asc, region_code desc",
                    "limit", "5")))
        .isEqualTo(
            "SELECT `id_number` FROM `population`.`person` WHERE ((`region_code` IN ('440604',"
                + " 440605)) AND (`full_name` IS NULL) AND ((`full_name` LIKE '%50\\\\%\\\\_off%'"
                + " OR `region_code` LIKE '%50\\\\%\\\\_off%'))) ORDER BY `full_name` ASC,"
                + " `region_code` DESC LIMIT 6");
  }

  @Test
  void everyQuoteAndBackslashOfAValueIsEscapedForSpark() {
    assertThat(SparkSqlRenderer.quote("a\\' OR 1=1 --")).isEqualTo("'a\\\\\\' OR 1=1 --'");
    assertThat(SparkSqlRenderer.quote("x\\")).isEqualTo("'x\\\\'");
    assertThat(SparkSqlRenderer.quote("line\nbreak\u0000")).isEqualTo("'line\\nbreak\\0'");
    // the escaped literal is one token: an unescaped quote never appears inside it
    String literal = SparkSqlRenderer.quote("'; DROP TABLE person; --\\'");
    String inner = literal.substring(1, literal.length() - 1);
    assertThat(inner.replace("\\\\", "").replace("\\'", "")).doesNotContain("'");
  }

  @Test
  void unknownColumnsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> sql(Map.of("$where", "password = 'x'")))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("no column 'password'")
        .satisfies(
            e -> {
              var violation = ((InvalidFieldException) e).violations().get(0);
              assertThat(violation.field()).isEqualTo("$where");
              assertThat(violation.rule()).isEqualTo("column.unknown");
            });
    assertThatThrownBy(() -> sql(Map.of("fields", "id_number,`x`")))
        .hasMessageContaining("not a column name");
    assertThatThrownBy(() -> sql(Map.of("filters", "{\"x` = 1 --\": 1}")))
        .hasMessageContaining("no column");
    assertThatThrownBy(() -> sql(Map.of("sort", "full_name; DROP")))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void parametersOfBothStylesOrOfNeitherAreRefused() {
    assertThatThrownBy(() -> sql(Map.of("$where", "region_code = '1'", "limit", "3")))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> sql(Map.of("region_code", "440604")))
        .hasMessageContaining("unknown query parameter 'region_code'");
    assertThatThrownBy(() -> sql(Map.of("$limit", "100000"))).hasMessageContaining("between 1 and");
    assertThatThrownBy(() -> sql(Map.of("offset", "-1"))).hasMessageContaining("negative");
    assertThatThrownBy(() -> sql(Map.of("filters", "[1]"))).hasMessageContaining("JSON object");
  }

  @Test
  void theWholeTableByDefaultWithTheDefaultPage() {
    assertThat(sql(Map.of()))
        .isEqualTo(
            "SELECT `id_number`, `full_name`, `region_code` FROM `population`.`person` LIMIT 101");
  }
}
