package cn.govdata.pipelines.macro;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.pipelines.macro.MacroStandardiser.Observation;
import cn.govdata.pipelines.macro.MacroStandardiser.RawRow;
import cn.govdata.pipelines.macro.MacroStandardiser.Result;
import org.junit.jupiter.api.Test;

class MacroStandardiserTest {

  private final MacroStandardiser standardiser =
      new MacroStandardiser(IndicatorCatalogue.defaults(), Gb2260Regions.national(), "440000");

  private Result row(
      String indicator, String region, String period, String measure, String value, String unit) {
    return standardiser.standardise(
        new RawRow("finance", "1", indicator, region, period, measure, value, unit));
  }

  @Test
  void theCatalogueShipsTheCoreIndicators() {
    assertThat(IndicatorCatalogue.defaults().all())
        .extracting(Indicator::name)
        .contains("地区生产总值", "社会消费品零售总额", "规模以上工业增加值", "固定资产投资", "一般公共预算收入");
  }

  @Test
  void standardisesAMessyRowToTheCatalogue() {
    Result result = row("社零总额", "南海", "2024年1-3月", "", "1,234,500", "万元");
    Observation o = result.observation().orElseThrow();
    assertThat(o.indicator().code()).isEqualTo("RETAIL_SALES");
    assertThat(o.region().code()).isEqualTo("440605");
    assertThat(o.period()).isEqualTo(Period.month(2024, 3));
    assertThat(o.measure()).isEqualTo(Measure.CUMULATIVE);
    assertThat(o.value()).isEqualByComparingTo("123.45"); // 亿元
    assertThat(result.checks())
        .extracting(c -> c.field() + ":" + c.status() + ":" + c.rule())
        .contains(
            "indicator:REPAIRED:indicator.alias",
            "region:REPAIRED:region.name-completed",
            "measure:REPAIRED:measure.from-period",
            "unit:REPAIRED:unit.converted",
            "value:REPAIRED:value.format-normalised");
  }

  @Test
  void readsDistrictNamesBelowTheProvinceFirst() {
    // 白云区 exists in 广州 and in 贵阳; the extracts are Guangdong's
    assertThat(
            row("一般公共预算收入", "白云区", "202403", "当期", "10", "万元")
                .observation()
                .orElseThrow()
                .region()
                .code())
        .isEqualTo("440111");
    assertThat(
            row("一般公共预算收入", "佛山市", "202403", "当期", "10", "万元")
                .observation()
                .orElseThrow()
                .region()
                .code())
        .isEqualTo("440600");
  }

  @Test
  void rejectsRowsNamingTheRuleTheyBreak() {
    assertThat(row("幸福指数", "佛山市", "202403", "当期", "1", "万元").rejection())
        .isEqualTo("indicator.unknown");
    assertThat(row("一般公共预算收入", "火星市", "202403", "当期", "1", "万元").rejection())
        .isEqualTo("region.unknown");
    assertThat(row("一般公共预算收入", "佛山市", "2024Q1", "当期", "1", "万元").rejection())
        .isEqualTo("period.frequency-mismatch");
    assertThat(row("一般公共预算收入", "佛山市", "202403", "", "1", "万元").rejection())
        .isEqualTo("measure.missing");
    assertThat(row("一般公共预算收入", "佛山市", "202403", "当期", "—", "万元").rejection())
        .isEqualTo("value.missing");
    assertThat(row("一般公共预算收入", "佛山市", "202403", "当期", "1", "美元").rejection())
        .isEqualTo("unit.unknown");
    assertThat(row("城镇居民人均可支配收入", "佛山市", "2024年", "", "65000", "元").observation()).isPresent();
  }
}
