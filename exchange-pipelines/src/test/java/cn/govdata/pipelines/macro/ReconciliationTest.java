package cn.govdata.pipelines.macro;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private final Gb2260Regions regions = Gb2260Regions.national();
  private final Reconciliation reconciliation = new Reconciliation(regions, 0.01);
  private final Period march = Period.month(2024, 3);

  /** 佛山's five districts at 100 each and the city at {@code city}. */
  private Map<Reconciliation.Key, BigDecimal> foshan(String city) {
    Map<Reconciliation.Key, BigDecimal> values = new HashMap<>();
    for (Region district : regions.children("440600")) {
      values.put(
          new Reconciliation.Key("RETAIL_SALES", district.code(), march), new BigDecimal("100"));
    }
    values.put(new Reconciliation.Key("RETAIL_SALES", "440600", march), new BigDecimal(city));
    return values;
  }

  @Test
  void districtsThatSumToTheCityWithinTheTolerancePass() {
    assertThat(regions.children("440600")).hasSize(5);
    List<Reconciliation.Check> checks =
        reconciliation.check(foshan("504.9"), Set.of("RETAIL_SALES"));
    assertThat(checks)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo("OK");
              assertThat(c.districtSum()).isEqualByComparingTo("500");
              assertThat(c.difference()).isEqualByComparingTo("4.9");
            });
  }

  @Test
  void aCityOffItsDistrictsBeyondTheToleranceIsFlagged() {
    assertThat(reconciliation.check(foshan("530"), Set.of("RETAIL_SALES")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.flagged()).isTrue();
              assertThat(c.relativeDifference())
                  .isCloseTo(30 / 530.0, org.assertj.core.api.Assertions.within(1e-12));
            });
  }

  @Test
  void aMissingDistrictMakesTheCheckIncompleteNotFlagged() {
    Map<Reconciliation.Key, BigDecimal> values = foshan("530");
    values.remove(new Reconciliation.Key("RETAIL_SALES", "440605", march));
    assertThat(reconciliation.check(values, Set.of("RETAIL_SALES")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo("INCOMPLETE");
              assertThat(c.districtsReported()).isEqualTo(4);
              assertThat(c.flagged()).isFalse();
            });
  }

  @Test
  void nonAdditiveIndicatorsAreNotReconciled() {
    assertThat(reconciliation.check(foshan("530"), Set.of("GDP"))).isEmpty();
  }
}
