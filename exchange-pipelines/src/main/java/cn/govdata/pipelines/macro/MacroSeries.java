package cn.govdata.pipelines.macro;

import cn.govdata.pipelines.macro.MacroStandardiser.Observation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns standardised observations into series with both measures: per indicator and division,
 * current-period values (reported, or derived from year-to-date ones) and year-to-date values
 * (reported, or summed from current ones). One row per indicator, division and period; where a
 * department sent both measures for a period, the current-period observation is the row's source.
 */
public final class MacroSeries {

  /**
   * One period of one series.
   *
   * @param observation the observation the row comes from
   * @param current the current-period value in the indicator's unit; {@code null} when it cannot be
   *     derived (the previous period's year-to-date value is missing)
   * @param cumulative the year-to-date value; {@code null} likewise
   */
  public record Point(Observation observation, BigDecimal current, BigDecimal cumulative) {}

  /** A series' identity. */
  public record SeriesKey(String indicatorCode, String regionCode) {}

  private MacroSeries() {}

  public static Map<SeriesKey, List<Point>> build(List<Observation> observations) {
    Map<SeriesKey, List<Observation>> bySeries =
        new TreeMap<>(
            Comparator.comparing(SeriesKey::indicatorCode).thenComparing(SeriesKey::regionCode));
    for (Observation observation : observations) {
      bySeries
          .computeIfAbsent(
              new SeriesKey(observation.indicator().code(), observation.region().code()),
              k -> new ArrayList<>())
          .add(observation);
    }
    Map<SeriesKey, List<Point>> series = new LinkedHashMap<>();
    bySeries.forEach((key, list) -> series.put(key, points(list)));
    return series;
  }

  private static List<Point> points(List<Observation> observations) {
    SortedMap<Period, BigDecimal> reportedCurrent = new TreeMap<>();
    SortedMap<Period, BigDecimal> reportedCumulative = new TreeMap<>();
    SortedMap<Period, Observation> source = new TreeMap<>();
    for (Observation observation : observations) {
      Period period = observation.period();
      if (observation.measure() == Measure.CURRENT) {
        reportedCurrent.put(period, observation.value());
        source.put(period, observation);
      } else {
        reportedCumulative.put(period, observation.value());
        source.putIfAbsent(period, observation);
      }
    }
    SortedMap<Period, BigDecimal> current =
        new TreeMap<>(SeriesConversion.currentFromCumulative(reportedCumulative));
    current.putAll(reportedCurrent);
    SortedMap<Period, BigDecimal> cumulative =
        new TreeMap<>(SeriesConversion.cumulativeFromCurrent(current));
    cumulative.putAll(reportedCumulative);
    List<Point> points = new ArrayList<>();
    source.forEach(
        (period, observation) ->
            points.add(new Point(observation, current.get(period), cumulative.get(period))));
    return points;
  }
}
