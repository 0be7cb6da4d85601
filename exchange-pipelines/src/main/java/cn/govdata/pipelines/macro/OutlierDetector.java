package cn.govdata.pipelines.macro;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Flags outliers in one current-period series by a robust rule on period-over-period growth: each
 * growth gets a modified z-score (growth minus the median growth, over 1.4826 × the median absolute
 * deviation; Iglewicz and Hoaglin). A wrong value makes two extreme growths in a row with opposite
 * signs — up into it and down out of it, or the reverse — so a period is flagged when its growth
 * and the next one are both beyond the threshold with opposite signs ({@code spike}), or when it is
 * the series' last period and its growth is beyond it ({@code jump-at-end}, unconfirmed). A lasting
 * level shift in mid-series is therefore not flagged. Series with fewer than {@value
 * #MINIMUM_GROWTHS} growths (annual figures over a few years) are not judged.
 */
public final class OutlierDetector {

  public static final double DEFAULT_THRESHOLD = 3.5;
  static final int MINIMUM_GROWTHS = 8;
  private static final double CONSISTENCY = 1.4826;

  /**
   * A flagged period.
   *
   * @param growth growth into the period (0.5 = +50 %)
   * @param score its modified z-score
   * @param medianGrowth the series' median growth
   * @param deviation the series' median absolute deviation of growth
   * @param reason spike or jump-at-end
   */
  public record Outlier(
      Period period,
      BigDecimal value,
      double growth,
      double score,
      double medianGrowth,
      double deviation,
      String reason) {}

  private final double threshold;

  public OutlierDetector(double threshold) {
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("outlier threshold must be positive: " + threshold);
    }
    this.threshold = threshold;
  }

  public List<Outlier> detect(Map<Period, BigDecimal> series) {
    SortedMap<Period, BigDecimal> sorted = new TreeMap<>(series);
    SortedMap<Period, Double> growth = new TreeMap<>();
    for (Map.Entry<Period, BigDecimal> entry : sorted.entrySet()) {
      BigDecimal before = sorted.get(entry.getKey().previous());
      if (before != null && before.signum() > 0) {
        growth.put(
            entry.getKey(),
            entry.getValue().divide(before, MathContext.DECIMAL64).doubleValue() - 1);
      }
    }
    if (growth.size() < MINIMUM_GROWTHS) {
      return List.of();
    }
    double[] values = growth.values().stream().mapToDouble(Double::doubleValue).toArray();
    double median = median(values);
    double deviation = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    if (deviation == 0) {
      return List.of();
    }
    Period last = sorted.lastKey();
    List<Outlier> outliers = new ArrayList<>();
    for (Map.Entry<Period, Double> entry : growth.entrySet()) {
      Period period = entry.getKey();
      double score = (entry.getValue() - median) / (CONSISTENCY * deviation);
      if (Math.abs(score) <= threshold) {
        continue;
      }
      String reason = null;
      Double next = growth.get(next(period));
      if (next != null) {
        double nextScore = (next - median) / (CONSISTENCY * deviation);
        if (Math.abs(nextScore) > threshold && Math.signum(nextScore) != Math.signum(score)) {
          reason = "spike";
        }
      } else if (period.equals(last)) {
        reason = "jump-at-end";
      }
      if (reason != null) {
        outliers.add(
            new Outlier(
                period, sorted.get(period), entry.getValue(), score, median, deviation, reason));
      }
    }
    return outliers;
  }

  private static Period next(Period period) {
    return period.number() == period.frequency().periodsPerYear()
        ? new Period(period.year() + 1, period.frequency(), 1)
        : new Period(period.year(), period.frequency(), period.number() + 1);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
