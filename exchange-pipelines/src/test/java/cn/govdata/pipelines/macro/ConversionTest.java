package cn.govdata.pipelines.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Unit conversion and year-to-date ↔ current-period conversion are exact. */
class ConversionTest {

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  @Test
  void convertsMoneyUnitsExactly() {
    assertThat(Units.convert(d("123456789"), "元", "亿元")).isEqualByComparingTo("1.23456789");
    assertThat(Units.convert(d("1234.5678"), "亿元", "万元")).isEqualByComparingTo("12345678");
    assertThat(Units.convert(d("0.01"), "元", "亿元")).isEqualByComparingTo("0.0000000001");
    assertThat(Units.convert(d("5"), "千元", "万元")).isEqualByComparingTo("0.5");
    assertThatThrownBy(() -> Units.convert(d("1"), "美元", "亿元")).hasMessageContaining("美元");
  }

  @Test
  void readsValuesAsDepartmentsWriteThem() {
    assertThat(Units.parseValue("1,234,567,800")).contains(d("1234567800"));
    assertThat(Units.parseValue("１２３４.５")).contains(d("1234.5"));
    assertThat(Units.parseValue("—")).isEmpty();
    assertThat(Units.parseValue("  ")).isEmpty();
    assertThatThrownBy(() -> Units.parseValue("12亿")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void derivesCurrentPeriodValuesFromYearToDateAndBack() {
    Map<Period, BigDecimal> cumulative = new LinkedHashMap<>();
    cumulative.put(Period.month(2023, 11), d("110.10"));
    cumulative.put(Period.month(2023, 12), d("121.35"));
    cumulative.put(Period.month(2024, 1), d("9.8"));
    cumulative.put(Period.month(2024, 2), d("20.05"));
    cumulative.put(Period.month(2024, 4), d("41.0")); // March missing

    SortedMap<Period, BigDecimal> current = SeriesConversion.currentFromCumulative(cumulative);

    assertThat(current.get(Period.month(2023, 12))).isEqualByComparingTo("11.25");
    assertThat(current.get(Period.month(2024, 1))).isEqualByComparingTo("9.8"); // January is both
    assertThat(current.get(Period.month(2024, 2))).isEqualByComparingTo("10.25");
    assertThat(current).doesNotContainKey(Period.month(2024, 4)); // no guess across the gap
    assertThat(current).doesNotContainKey(Period.month(2023, 11)); // October unknown

    SortedMap<Period, BigDecimal> back = SeriesConversion.cumulativeFromCurrent(current);
    assertThat(back.get(Period.month(2024, 2))).isEqualByComparingTo("20.05");
    assertThat(back).doesNotContainKey(Period.month(2023, 12)); // the year's start is unknown
  }

  @Test
  void quartersConvertLikeMonths() {
    Map<Period, BigDecimal> current = new LinkedHashMap<>();
    for (int q = 1; q <= 4; q++) {
      current.put(Period.quarter(2024, q), d("1000.0001").multiply(BigDecimal.valueOf(q)));
    }
    SortedMap<Period, BigDecimal> cumulative = SeriesConversion.cumulativeFromCurrent(current);
    assertThat(cumulative.get(Period.quarter(2024, 4))).isEqualByComparingTo("10000.001");
    assertThat(SeriesConversion.currentFromCumulative(cumulative)).isEqualTo(current);
  }
}
