package cn.govdata.catalog.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.catalog.dataapi.Condition.And;
import cn.govdata.catalog.dataapi.Condition.Comparison;
import cn.govdata.catalog.dataapi.Condition.In;
import cn.govdata.catalog.dataapi.Condition.IsNull;
import cn.govdata.catalog.dataapi.Condition.Like;
import cn.govdata.catalog.dataapi.Condition.Not;
import cn.govdata.catalog.dataapi.Condition.Number;
import cn.govdata.catalog.dataapi.Condition.Operator;
import cn.govdata.catalog.dataapi.Condition.Or;
import cn.govdata.catalog.dataapi.Condition.Text;
import cn.govdata.catalog.dataapi.DataQuery.Ordering;
import cn.govdata.governance.validation.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

  @Test
  void comparisonsBindTighterThanAndWhichBindsTighterThanOr() {
    Condition parsed = SoqlParser.where("aqi > 100 OR region_code = '440604' and aqi <= 50");
    assertThat(parsed)
        .isEqualTo(
            new Or(
                List.of(
                    new Comparison("aqi", Operator.GREATER, new Number(new BigDecimal("100"))),
                    new And(
                        List.of(
                            new Comparison("region_code", Operator.EQUAL, new Text("440604")),
                            new Comparison(
                                "aqi",
                                Operator.LESS_OR_EQUAL,
                                new Number(new BigDecimal("50"))))))));
  }

  @Test
  void parenthesesNotInLikeAndNullTests() {
    assertThat(SoqlParser.where("NOT (a IN ('x', 'y') OR b NOT LIKE 'z%') AND c IS NOT NULL"))
        .isEqualTo(
            new And(
                List.of(
                    new Not(
                        new Or(
                            List.of(
                                new In("a", List.of(new Text("x"), new Text("y")), false),
                                new Like("b", "z%", true)))),
                    new IsNull("c", true))));
    assertThat(SoqlParser.where("a != -1.5"))
        .isEqualTo(new Comparison("a", Operator.NOT_EQUAL, new Number(new BigDecimal("-1.5"))));
    assertThat(SoqlParser.where("a <> 1")).isInstanceOf(Comparison.class);
  }

  @Test
  void aDoubledQuoteIsOneQuoteInsideAString() {
    assertThat(SoqlParser.where("name = 'O''Brien'"))
        .isEqualTo(new Comparison("name", Operator.EQUAL, new Text("O'Brien")));
  }

  @Test
  void injectionAttemptsAreEitherOneLiteralOrASyntaxError() {
    // the whole attack stays inside one string value
    assertThat(SoqlParser.where("name = 'x'' OR ''1''=''1'"))
        .isEqualTo(new Comparison("name", Operator.EQUAL, new Text("x' OR '1'='1")));
    // a backslash is an ordinary character of the value, not an escape
    assertThat(SoqlParser.where("name = 'a\\'' OR 1=1 --'"))
        .isEqualTo(new Comparison("name", Operator.EQUAL, new Text("a\\' OR 1=1 --")));
    for (String attack :
        List.of(
            "name = 'x' OR 1=1",
            "name = 'x'; DROP TABLE person",
            "name = 'x' --",
            "1 = 1",
            "name = id_number",
            "upper(name) = 'X'",
            "name = 'x' UNION SELECT * FROM person",
            "name = 'unterminated",
            "name = `id_number`",
            "name = \"x\"")) {
      assertThatThrownBy(() -> SoqlParser.where(attack), attack)
          .isInstanceOf(InvalidFieldException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidFieldException) e).violations().get(0).field())
                      .isEqualTo("$where"));
    }
  }

  @Test
  void errorsNameTheParameterPositionAndExpectation() {
    assertThatThrownBy(() -> SoqlParser.where("aqi >> 3"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("$where: expected a quoted string or a number at position 6");
    assertThatThrownBy(() -> SoqlParser.where("(a = 1")).hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> SoqlParser.where("a NOT = 1")).hasMessageContaining("IN or LIKE");
  }

  @Test
  void deepNestingAndLongFiltersAreRefused() {
    assertThatThrownBy(() -> SoqlParser.where("(".repeat(50) + "a = 1" + ")".repeat(50)))
        .hasMessageContaining("nesting deeper");
    assertThatThrownBy(() -> SoqlParser.where("a = '" + "x".repeat(5000) + "'"))
        .hasMessageContaining("at most");
  }

  @Test
  void selectAndOrder() {
    assertThat(SoqlParser.select(" station , aqi")).containsExactly("station", "aqi");
    assertThat(SoqlParser.select("*")).isEmpty();
    assertThat(SoqlParser.order("aqi DESC, station"))
        .containsExactly(new Ordering("aqi", true), new Ordering("station", false));
    assertThatThrownBy(() -> SoqlParser.select("count(*)"))
        .hasMessageContaining("$select: expected the end of $select");
    assertThatThrownBy(() -> SoqlParser.order("aqi; DROP")).hasMessageContaining("$order");
  }
}
