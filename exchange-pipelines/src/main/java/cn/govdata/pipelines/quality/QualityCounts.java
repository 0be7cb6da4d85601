package cn.govdata.pipelines.quality;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link QualityReport} from counts a pipeline gathered itself, for pipelines whose layers
 * are not the population's field/status/rule columns: per source, rows, rejected rows by reason,
 * and per field how many values were valid, repaired, rejected or missing and by which rule. The
 * report derives completeness, validity and consistency as the population report does.
 */
public final class QualityCounts {

  private final Map<String, Map<String, Object>> sources = new TreeMap<>();

  public QualityCounts rows(String source, long rows) {
    sourceOf(source).merge("rows", rows, (a, b) -> (Long) a + (Long) b);
    return this;
  }

  @SuppressWarnings("unchecked")
  public QualityCounts rejectedRows(String source, String reason, long rows) {
    ((Map<String, Object>) sourceOf(source).get("rejected_rows"))
        .merge(reason, rows, (a, b) -> (Long) a + (Long) b);
    return this;
  }

  /**
   * Counts values of a field.
   *
   * @param status VALID, REPAIRED, REJECTED or MISSING
   * @param rule the rule that repaired or rejected them, or {@code null}
   */
  @SuppressWarnings("unchecked")
  public QualityCounts field(String source, String field, String status, String rule, long n) {
    String key = status.toLowerCase(Locale.ROOT);
    if (!key.equals("valid")
        && !key.equals("repaired")
        && !key.equals("rejected")
        && !key.equals("missing")) {
      throw new IllegalArgumentException("unknown quality status " + status + " for " + field);
    }
    Map<String, Object> entry = QualityReport.fieldOf(sourceOf(source), field);
    entry.merge(key, n, (a, b) -> (Long) a + (Long) b);
    if (rule != null) {
      ((Map<String, Object>) entry.get("rules")).merge(rule, n, (a, b) -> (Long) a + (Long) b);
    }
    return this;
  }

  /** Values of a field that disagree with a reference (the consistency measure). */
  public QualityCounts conflicts(String source, String field, long n) {
    QualityReport.fieldOf(sourceOf(source), field)
        .merge("conflicts", n, (a, b) -> (Long) a + (Long) b);
    return this;
  }

  public QualityReport report(Map<String, Object> header) {
    return QualityReport.of(new LinkedHashMap<>(header), sources);
  }

  private Map<String, Object> sourceOf(String source) {
    return sources.computeIfAbsent(source, s -> QualityReport.newSource());
  }
}
