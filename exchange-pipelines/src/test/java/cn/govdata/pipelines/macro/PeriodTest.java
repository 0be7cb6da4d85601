package cn.govdata.pipelines.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

  @ParameterizedTest
  @CsvSource({
    "2024年3月, 2024-03, ''",
    "2024-03, 2024-03, ''",
    "2024/3, 2024-03, ''",
    "2024.03, 2024-03, ''",
    "2024M03, 2024-03, ''",
    "202403, 2024-03, ''",
    "２０２４年１２月, 2024-12, ''",
    "2024年1-3月, 2024-03, CUMULATIVE",
    "2024年1至11月, 2024-11, CUMULATIVE",
    "2024年第1季度, 2024-Q1, ''",
    "2024年一季度, 2024-Q1, ''",
    "2024Q4, 2024-Q4, ''",
    "2024-Q2, 2024-Q2, ''",
    "2024年1-3季度, 2024-Q3, CUMULATIVE",
    "2024年前三季度, 2024-Q3, CUMULATIVE",
    "2024年上半年, 2024-Q2, CUMULATIVE",
    "2024, 2024, ''",
    "2024年, 2024, ''",
    "2024年度, 2024, ''"
  })
  void readsTheWaysDepartmentsWritePeriods(String text, String code, String measure) {
    Period.Parsed parsed = Period.parse(text);
    assertThat(parsed.period().code()).isEqualTo(code);
    assertThat(parsed.impliedMeasure())
        .isEqualTo(measure.isEmpty() ? Optional.empty() : Optional.of(Measure.valueOf(measure)));
  }

  @Test
  void rejectsWhatIsNoPeriod() {
    assertThatThrownBy(() -> Period.parse("2024年13月")).hasMessageContaining("13");
    assertThatThrownBy(() -> Period.parse("上个月")).hasMessageContaining("上个月");
    assertThatThrownBy(() -> Period.parse(" ")).hasMessageContaining("missing");
  }

  @Test
  void previousCrossesTheYearAndPeriodsSortInTime() {
    assertThat(Period.month(2024, 1).previous()).isEqualTo(Period.month(2023, 12));
    assertThat(Period.quarter(2024, 3).previous()).isEqualTo(Period.quarter(2024, 2));
    assertThat(Period.year(2024).previous()).isEqualTo(Period.year(2023));
    assertThat(Period.month(2023, 12)).isLessThan(Period.month(2024, 1));
    assertThat(Period.month(2024, 2).isFirstOfYear()).isFalse();
  }
}
