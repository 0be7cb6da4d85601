package cn.govdata.pipelines.macro;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.directory.AdministrativeLevel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that districts sum to their city (区县加总与全市核对) for additive indicators, per period, on
 * current-period values in the indicator's unit. A city and period is {@code MISMATCH} (flagged)
 * when the relative difference exceeds the tolerance, {@code INCOMPLETE} when some of the city's
 * districts sent nothing for that period (not judged), {@code OK} otherwise.
 */
public final class Reconciliation {

  public static final double DEFAULT_TOLERANCE = 0.01;

  /**
   * One comparison.
   *
   * @param difference city minus the districts' sum
   * @param relativeDifference difference over the city's value
   */
  public record Check(
      String indicatorCode,
      String cityCode,
      Period period,
      BigDecimal cityValue,
      BigDecimal districtSum,
      int districtsReported,
      int districtsExpected,
      BigDecimal difference,
      double relativeDifference,
      String status) {

    public boolean flagged() {
      return status.equals("MISMATCH");
    }
  }

  /** A value's key: indicator, division and period. */
  public record Key(String indicatorCode, String regionCode, Period period) {}

  private final Gb2260Regions regions;
  private final double tolerance;

  public Reconciliation(Gb2260Regions regions, double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
    }
    this.regions = regions;
    this.tolerance = tolerance;
  }

  public double tolerance() {
    return tolerance;
  }

  public List<Check> check(Map<Key, BigDecimal> current, Set<String> additiveIndicators) {
    Set<Key> cityKeys =
        new TreeSet<>(
            Comparator.comparing(Key::indicatorCode)
                .thenComparing(Key::regionCode)
                .thenComparing(Key::period));
    for (Key key : current.keySet()) {
      if (additiveIndicators.contains(key.indicatorCode())
          && Region.levelOf(key.regionCode()) == AdministrativeLevel.CITY
          && !regions.children(key.regionCode()).isEmpty()) {
        cityKeys.add(key);
      }
    }
    List<Check> checks = new ArrayList<>();
    for (Key city : cityKeys) {
      List<Region> districts = regions.children(city.regionCode());
      BigDecimal sum = BigDecimal.ZERO;
      int reported = 0;
      for (Region district : districts) {
        BigDecimal value =
            current.get(new Key(city.indicatorCode(), district.code(), city.period()));
        if (value != null) {
          sum = sum.add(value);
          reported++;
        }
      }
      if (reported == 0) {
        continue;
      }
      BigDecimal cityValue = current.get(city);
      BigDecimal difference = cityValue.subtract(sum);
      double relative =
          cityValue.signum() == 0
              ? (difference.signum() == 0 ? 0 : Double.POSITIVE_INFINITY)
              : difference.divide(cityValue, MathContext.DECIMAL64).doubleValue();
      String status =
          reported < districts.size()
              ? "INCOMPLETE"
              : Math.abs(relative) > tolerance ? "MISMATCH" : "OK";
      checks.add(
          new Check(
              city.indicatorCode(),
              city.regionCode(),
              city.period(),
              cityValue,
              sum,
              reported,
              districts.size(),
              difference,
              relative,
              status));
    }
    return checks;
  }
}
