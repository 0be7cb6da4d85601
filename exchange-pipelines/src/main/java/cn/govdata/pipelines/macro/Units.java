package cn.govdata.pipelines.macro;

import cn.govdata.pipelines.cleanse.Text;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Money units as departments write them (元, 千元, 万元, 百万元, 亿元) and exact conversion between them:
 * values are {@link BigDecimal}s, so 123,456,789 元 is exactly 1.23456789 亿元.
 */
public final class Units {

  private static final Map<String, BigDecimal> YUAN_PER_UNIT =
      Map.of(
          "元", BigDecimal.ONE,
          "千元", new BigDecimal("1000"),
          "万元", new BigDecimal("10000"),
          "百万元", new BigDecimal("1000000"),
          "亿元", new BigDecimal("100000000"));

  private static final java.util.Set<String> MISSING_MARKERS =
      java.util.Set.of("-", "—", "--", "…", "...", "/", "无", "NA", "N/A", "null");

  private Units() {}

  public static boolean isKnown(String unit) {
    return unit != null && YUAN_PER_UNIT.containsKey(normalise(unit));
  }

  /**
   * Converts a value between two money units, exactly.
   *
   * @throws IllegalArgumentException for a unit that is not one of the money units
   */
  public static BigDecimal convert(BigDecimal value, String from, String to) {
    BigDecimal fromFactor = factor(from);
    BigDecimal toFactor = factor(to);
    return value.multiply(fromFactor).divide(toFactor).stripTrailingZeros();
  }

  /**
   * A value as departments write it: thousands separators, full-width digits and spaces are
   * accepted; a blank or a placeholder (-, —, …, 无) is missing.
   *
   * @throws NumberFormatException when the text is not a number
   */
  public static Optional<BigDecimal> parseValue(String text) {
    String cleaned = Text.clean(text);
    if (cleaned == null || MISSING_MARKERS.contains(cleaned)) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(cleaned.replace(",", "").replace(" ", "")));
  }

  private static BigDecimal factor(String unit) {
    BigDecimal factor = unit == null ? null : YUAN_PER_UNIT.get(normalise(unit));
    if (factor == null) {
      throw new IllegalArgumentException(
          "unknown unit '" + unit + "'; expected one of " + YUAN_PER_UNIT.keySet());
    }
    return factor;
  }

  private static String normalise(String unit) {
    String cleaned = Text.clean(unit);
    return cleaned == null ? "" : cleaned.replace(" ", "").replace("人民币", "");
  }
}
