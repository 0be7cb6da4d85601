package cn.govdata.pipelines.macro;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import cn.govdata.pipelines.cleanse.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standardises one row of a department's extract: the indicator to the catalogue, the region to its
 * GB/T 2260 code, the period to {@link Period}, the measure (累计 or 当期, from its column or the
 * period's form), and the value to the indicator's unit. Every field's outcome is kept (valid,
 * repaired with the rule, rejected with the rule, missing) for the quality report; a row with any
 * rejected or missing field yields no observation.
 */
public final class MacroStandardiser {

  /** A row as the source reader gives it: every field as text. */
  public record RawRow(
      String source,
      String recordId,
      String indicator,
      String region,
      String period,
      String measure,
      String value,
      String unit) {}

  /**
   * A standardised value, still in the measure the department reported.
   *
   * @param value in the indicator's unit
   */
  public record Observation(
      String source,
      String recordId,
      Indicator indicator,
      Region region,
      Period period,
      Measure measure,
      String reportedValue,
      String reportedUnit,
      BigDecimal value) {}

  /** One field's outcome: status VALID, REPAIRED, REJECTED or MISSING, and the rule applied. */
  public record FieldCheck(String field, String status, String rule) {}

  /**
   * A row's result: the observation, or the first rule that rejected it, and every field's check.
   */
  public record Result(
      Optional<Observation> observation, String rejection, List<FieldCheck> checks) {}

  private final IndicatorCatalogue catalogue;
  private final Gb2260Regions regions;
  private final Region province;

  /**
   * @param provinceCode the province the extracts come from: region names are read below it first
   *     (白云区 is in 广州 and in 贵阳)
   */
  public MacroStandardiser(
      IndicatorCatalogue catalogue, Gb2260Regions regions, String provinceCode) {
    this.catalogue = catalogue;
    this.regions = regions;
    this.province =
        regions
            .find(provinceCode)
            .orElseThrow(() -> new IllegalArgumentException("unknown province " + provinceCode));
  }

  public Result standardise(RawRow row) {
    List<FieldCheck> checks = new ArrayList<>();
    Optional<Indicator> indicator = indicator(row.indicator(), checks);
    Optional<Region> region = region(row.region(), checks);
    Optional<Period.Parsed> period = period(row.period(), indicator, checks);
    Optional<Measure> measure = measure(row.measure(), period, checks);
    Optional<BigDecimal> value = value(row.value(), row.unit(), indicator, checks);
    String rejection =
        checks.stream()
            .filter(c -> c.status().equals("REJECTED") || c.status().equals("MISSING"))
            .map(c -> c.rule() != null ? c.rule() : c.field() + ".missing")
            .findFirst()
            .orElse(null);
    if (rejection != null) {
      return new Result(Optional.empty(), rejection, checks);
    }
    return new Result(
        Optional.of(
            new Observation(
                row.source(),
                row.recordId(),
                indicator.get(),
                region.get(),
                period.get().period(),
                measure.get(),
                row.value(),
                row.unit(),
                value.get())),
        null,
        checks);
  }

  private Optional<Indicator> indicator(String text, List<FieldCheck> checks) {
    if (Text.clean(text) == null) {
      checks.add(new FieldCheck("indicator", "MISSING", "indicator.missing"));
      return Optional.empty();
    }
    Optional<Indicator> found = catalogue.find(text);
    if (found.isEmpty()) {
      checks.add(new FieldCheck("indicator", "REJECTED", "indicator.unknown"));
    } else if (Text.clean(text).equals(found.get().name())) {
      checks.add(new FieldCheck("indicator", "VALID", null));
    } else {
      checks.add(new FieldCheck("indicator", "REPAIRED", "indicator.alias"));
    }
    return found;
  }

  private Optional<Region> region(String text, List<FieldCheck> checks) {
    String cleaned = Text.clean(text);
    if (cleaned == null) {
      checks.add(new FieldCheck("region", "MISSING", "region.missing"));
      return Optional.empty();
    }
    String compact = cleaned.replace(" ", "");
    Optional<Region> found =
        compact.matches("\\d{6}") ? regions.current(compact) : locateInProvince(compact);
    if (found.isEmpty()) {
      checks.add(new FieldCheck("region", "REJECTED", "region.unknown"));
    } else if (compact.equals(found.get().name()) || compact.equals(found.get().code())) {
      checks.add(new FieldCheck("region", "VALID", null));
    } else {
      checks.add(new FieldCheck("region", "REPAIRED", "region.name-completed"));
    }
    return found;
  }

  /**
   * Reads the name below the province first, then nationally; the province itself only if named.
   */
  private Optional<Region> locateInProvince(String name) {
    String shortProvince = province.name().replaceAll("(省|市|自治区)$", "");
    if (!name.startsWith(shortProvince)) {
      Optional<Region> below =
          regions.locate(province.name() + name).filter(r -> !r.code().equals(province.code()));
      if (below.isPresent()) {
        return below;
      }
    }
    return regions.locate(name);
  }

  private static Optional<Period.Parsed> period(
      String text, Optional<Indicator> indicator, List<FieldCheck> checks) {
    if (Text.clean(text) == null) {
      checks.add(new FieldCheck("period", "MISSING", "period.missing"));
      return Optional.empty();
    }
    Period.Parsed parsed;
    try {
      parsed = Period.parse(text);
    } catch (IllegalArgumentException e) {
      checks.add(new FieldCheck("period", "REJECTED", "period.format"));
      return Optional.empty();
    }
    if (indicator.isPresent() && indicator.get().frequency() != parsed.period().frequency()) {
      checks.add(new FieldCheck("period", "REJECTED", "period.frequency-mismatch"));
      return Optional.empty();
    }
    boolean standard = parsed.period().code().equals(Text.clean(text));
    checks.add(
        new FieldCheck(
            "period", standard ? "VALID" : "REPAIRED", standard ? null : "period.normalised"));
    return Optional.of(parsed);
  }

  private static Optional<Measure> measure(
      String text, Optional<Period.Parsed> period, List<FieldCheck> checks) {
    Optional<Measure> labelled = Measure.parse(text);
    if (labelled.isPresent()) {
      checks.add(new FieldCheck("measure", "VALID", null));
      return labelled;
    }
    if (period.isPresent() && period.get().impliedMeasure().isPresent()) {
      checks.add(new FieldCheck("measure", "REPAIRED", "measure.from-period"));
      return period.get().impliedMeasure();
    }
    if (period.isPresent() && period.get().period().frequency() == Frequency.ANNUAL) {
      checks.add(new FieldCheck("measure", "REPAIRED", "measure.annual"));
      return Optional.of(Measure.CURRENT);
    }
    boolean blank = Text.clean(text) == null;
    checks.add(
        new FieldCheck(
            "measure",
            blank ? "MISSING" : "REJECTED",
            blank ? "measure.missing" : "measure.unknown"));
    return Optional.empty();
  }

  private static Optional<BigDecimal> value(
      String text, String unit, Optional<Indicator> indicator, List<FieldCheck> checks) {
    Optional<BigDecimal> parsed;
    try {
      parsed = Units.parseValue(text);
    } catch (NumberFormatException e) {
      checks.add(new FieldCheck("value", "REJECTED", "value.format"));
      return Optional.empty();
    }
    if (parsed.isEmpty()) {
      checks.add(new FieldCheck("value", "MISSING", "value.missing"));
      return Optional.empty();
    }
    if (!Units.isKnown(unit)) {
      checks.add(
          new FieldCheck(
              "unit", Text.clean(unit) == null ? "MISSING" : "REJECTED", "unit.unknown"));
      return Optional.empty();
    }
    if (indicator.isEmpty()) {
      return Optional.empty();
    }
    String target = indicator.get().unit();
    BigDecimal converted = Units.convert(parsed.get(), unit, target);
    boolean sameUnit = Text.clean(unit).equals(target);
    checks.add(
        new FieldCheck(
            "unit", sameUnit ? "VALID" : "REPAIRED", sameUnit ? null : "unit.converted"));
    boolean plain = Text.clean(text).equals(parsed.get().toPlainString());
    checks.add(
        new FieldCheck(
            "value", plain ? "VALID" : "REPAIRED", plain ? null : "value.format-normalised"));
    return Optional.of(converted);
  }
}
