package cn.govdata.pipelines.macro;

import java.util.Locale;

/** How often an indicator is published: 月度, 季度, 年度. */
public enum Frequency {
  MONTHLY(12),
  QUARTERLY(4),
  ANNUAL(1);

  private final int periodsPerYear;

  Frequency(int periodsPerYear) {
    this.periodsPerYear = periodsPerYear;
  }

  public int periodsPerYear() {
    return periodsPerYear;
  }

  public static Frequency parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "unknown frequency '" + text + "'; expected monthly, quarterly or annual", e);
    }
  }
}
