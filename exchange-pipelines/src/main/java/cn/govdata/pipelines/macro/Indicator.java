package cn.govdata.pipelines.macro;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the indicator catalogue (指标目录).
 *
 * @param code stable identifier, e.g. GDP
 * @param name the official name, e.g. 地区生产总值
 * @param unit the one unit its standardised values are kept in, e.g. 亿元
 * @param frequency how often it is published
 * @param source the department that publishes it
 * @param additive whether district values sum to the city's (totals do; per-capita figures do not)
 * @param aliases other names departments use for it
 */
public record Indicator(
    String code,
    String name,
    String unit,
    Frequency frequency,
    String source,
    boolean additive,
    List<String> aliases) {

  public Indicator {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(frequency, "frequency");
    if (!Units.isKnown(unit)) {
      throw new IllegalArgumentException("indicator " + code + " has an unknown unit " + unit);
    }
    aliases = List.copyOf(aliases);
  }
}
