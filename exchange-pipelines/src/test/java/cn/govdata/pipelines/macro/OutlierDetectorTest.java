package cn.govdata.pipelines.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {

  private final OutlierDetector detector = new OutlierDetector(OutlierDetector.DEFAULT_THRESHOLD);

  /** Two years of a gently growing monthly series with a little wobble. */
  private static Map<Period, BigDecimal> series() {
    Map<Period, BigDecimal> values = new LinkedHashMap<>();
    for (int t = 0; t < 24; t++) {
      double value = 100 * Math.pow(1.005, t) * (1 + 0.02 * Math.sin(t * 1.7));
      values.put(Period.month(2023 + t / 12, t % 12 + 1), BigDecimal.valueOf(value));
    }
    return values;
  }

  @Test
  void aCleanSeriesHasNoOutliers() {
    assertThat(detector.detect(series())).isEmpty();
  }

  @Test
  void aSpikeUpOrDownIsFlaggedAtItsPeriodOnly() {
    Map<Period, BigDecimal> values = series();
    values.put(Period.month(2023, 7), values.get(Period.month(2023, 7)).multiply(BigDecimal.TEN));
    values.put(
        Period.month(2024, 3), values.get(Period.month(2024, 3)).multiply(new BigDecimal("0.3")));

    assertThat(detector.detect(values))
        .extracting(o -> o.period().code() + " " + o.reason())
        .containsExactly("2023-07 spike", "2024-03 spike");
  }

  @Test
  void aLastingLevelShiftIsNotAnOutlierButAJumpAtTheEndIsReported() {
    Map<Period, BigDecimal> shifted = series();
    shifted.replaceAll(
        (period, value) ->
            period.compareTo(Period.month(2024, 1)) >= 0
                ? value.multiply(BigDecimal.valueOf(2))
                : value);
    assertThat(detector.detect(shifted)).isEmpty();

    Map<Period, BigDecimal> jump = series();
    jump.put(Period.month(2024, 12), jump.get(Period.month(2024, 12)).multiply(BigDecimal.TEN));
    assertThat(detector.detect(jump))
        .singleElement()
        .satisfies(o -> assertThat(o.reason()).isEqualTo("jump-at-end"));
  }

  @Test
  void shortSeriesAreNotJudged() {
    Map<Period, BigDecimal> annual = new LinkedHashMap<>();
    for (int year = 2020; year <= 2024; year++) {
      annual.put(Period.year(year), BigDecimal.valueOf(year == 2022 ? 1000 : 100));
    }
    assertThat(detector.detect(annual)).isEmpty();
  }
}
