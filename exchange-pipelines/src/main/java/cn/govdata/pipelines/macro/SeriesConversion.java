package cn.govdata.pipelines.macro;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Year-to-date (累计) ↔ current-period (当期) conversion of one series, exact in {@link BigDecimal}.
 * The first period of a year is both; a later period's current value is its year-to-date value
 * minus the previous period's; a year-to-date value is the sum of the year's current values so far.
 * A period whose predecessor in the same year is missing cannot be converted and is left out: a gap
 * is never filled by guessing.
 */
public final class SeriesConversion {

  private SeriesConversion() {}

  public static SortedMap<Period, BigDecimal> currentFromCumulative(
      Map<Period, BigDecimal> cumulative) {
    SortedMap<Period, BigDecimal> current = new TreeMap<>();
    for (Map.Entry<Period, BigDecimal> entry : cumulative.entrySet()) {
      Period period = entry.getKey();
      if (period.isFirstOfYear()) {
        current.put(period, entry.getValue());
      } else {
        BigDecimal before = cumulative.get(period.previous());
        if (before != null) {
          current.put(period, entry.getValue().subtract(before));
        }
      }
    }
    return current;
  }

  public static SortedMap<Period, BigDecimal> cumulativeFromCurrent(
      Map<Period, BigDecimal> current) {
    SortedMap<Period, BigDecimal> cumulative = new TreeMap<>();
    for (Period period : new TreeMap<>(current).keySet()) {
      BigDecimal value = current.get(period);
      if (period.isFirstOfYear()) {
        cumulative.put(period, value);
      } else {
        BigDecimal before = cumulative.get(period.previous());
        if (before != null) {
          cumulative.put(period, before.add(value));
        }
      }
    }
    return cumulative;
  }
}
