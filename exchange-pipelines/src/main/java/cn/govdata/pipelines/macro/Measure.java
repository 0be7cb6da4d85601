package cn.govdata.pipelines.macro;

import java.util.Optional;

/**
 * How a value covers its period: year to date (累计, e.g. 1–3月) or the period alone (当期, 当月, 当季). For
 * annual figures both are the same.
 */
public enum Measure {
  CUMULATIVE,
  CURRENT;

  /** The measure a department's label names; empty for a blank or unknown label. */
  public static Optional<Measure> parse(String label) {
    if (label == null || label.isBlank()) {
      return Optional.empty();
    }
    String text = label.strip();
    if (text.contains("累计") || text.equals("本年") || text.equalsIgnoreCase("cumulative")) {
      return Optional.of(CUMULATIVE);
    }
    if (text.equals("当期")
        || text.equals("当月")
        || text.equals("当季")
        || text.equals("本月")
        || text.equals("本期")
        || text.equalsIgnoreCase("current")) {
      return Optional.of(CURRENT);
    }
    return Optional.empty();
  }
}
