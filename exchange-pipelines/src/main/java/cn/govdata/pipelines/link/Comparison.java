package cn.govdata.pipelines.link;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One field comparison with levels. Level 0 is an exact agreement; then one level per threshold,
 * from the closest to the loosest; the last level is "disagrees". A value missing on either side
 * gives level -1, which carries no evidence either way.
 *
 * @param field the column compared
 * @param method exact, jaro_winkler, levenshtein, date, numeric or pinyin
 * @param thresholds per method: similarities (jaro_winkler, descending), edit distances
 *     (levenshtein, ascending), days (date, ascending), relative differences (numeric, ascending);
 *     pinyin takes Jaro-Winkler similarities on the pinyin
 */
public record Comparison(String field, Method method, List<Double> thresholds)
    implements Serializable {

  /** How two values are compared. */
  public enum Method {
    EXACT,
    JARO_WINKLER,
    LEVENSHTEIN,
    DATE,
    NUMERIC,
    PINYIN;

    static Method parse(String name, String field) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new LinkConfigException(
            "comparisons." + field + ".method",
            "unknown method '"
                + name
                + "'; use exact, jaro_winkler, levenshtein, date, numeric or pinyin");
      }
    }
  }

  public Comparison {
    if (field == null || field.isBlank()) {
      throw new LinkConfigException("comparisons.field", "a comparison needs a field");
    }
    if (method == null) {
      throw new LinkConfigException("comparisons." + field + ".method", "method is required");
    }
    thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    if (method == Method.EXACT && !thresholds.isEmpty()) {
      throw new LinkConfigException(
          "comparisons." + field + ".thresholds", "an exact comparison takes no thresholds");
    }
  }

  /** Number of levels, the "disagrees" level included; pinyin adds one for "sounds the same". */
  public int levels() {
    return 2 + thresholds.size() + (method == Method.PINYIN ? 1 : 0);
  }

  public int level(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return -1;
    }
    if (a.equals(b)) {
      return 0;
    }
    int last = levels() - 1;
    switch (method) {
      case EXACT:
        return last;
      case JARO_WINKLER:
        return bySimilarity(Similarity.jaroWinkler(a, b), 1);
      case PINYIN:
        String pinyinA = Similarity.pinyin(a);
        String pinyinB = Similarity.pinyin(b);
        if (pinyinA.equals(pinyinB)) {
          return 1;
        }
        return bySimilarity(Similarity.jaroWinkler(pinyinA, pinyinB), 2);
      case LEVENSHTEIN:
        return byDistance(Similarity.levenshtein(a, b));
      case DATE:
        return dateLevel(a, b);
      case NUMERIC:
        return numericLevel(a, b);
      default:
        throw new IllegalStateException(method.name());
    }
  }

  private int bySimilarity(double similarity, int firstLevel) {
    for (int i = 0; i < thresholds.size(); i++) {
      if (similarity >= thresholds.get(i)) {
        return firstLevel + i;
      }
    }
    return levels() - 1;
  }

  private int byDistance(double distance) {
    for (int i = 0; i < thresholds.size(); i++) {
      if (distance <= thresholds.get(i)) {
        return 1 + i;
      }
    }
    return levels() - 1;
  }

  private int dateLevel(String a, String b) {
    try {
      LocalDate first = LocalDate.parse(a);
      LocalDate second = LocalDate.parse(b);
      // a day and month swapped by a clerk is as close as a date one day off
      if (first.getYear() == second.getYear()
          && first.getMonthValue() == second.getDayOfMonth()
          && first.getDayOfMonth() == second.getMonthValue()) {
        return thresholds.isEmpty() ? levels() - 1 : 1;
      }
      return byDistance(Math.abs(first.toEpochDay() - second.toEpochDay()));
    } catch (DateTimeParseException e) {
      return levels() - 1;
    }
  }

  private int numericLevel(String a, String b) {
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      double scale = Math.max(Math.abs(x), Math.abs(y));
      return byDistance(scale == 0 ? 0 : Math.abs(x - y) / scale);
    } catch (NumberFormatException e) {
      return levels() - 1;
    }
  }
}
