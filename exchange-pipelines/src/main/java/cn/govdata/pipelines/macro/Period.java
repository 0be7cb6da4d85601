package cn.govdata.pipelines.macro;

import cn.govdata.pipelines.cleanse.Text;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical period: a month, a quarter or a year. Written as {@code 2024-03}, {@code 2024-Q1}
 * and {@code 2024}, which sort in time order within one frequency.
 *
 * @param year the year
 * @param frequency monthly, quarterly or annual
 * @param number the month (1–12), quarter (1–4) or 1 for a year
 */
public record Period(int year, Frequency frequency, int number) implements Comparable<Period> {

  /**
   * A period read from a department's text, and the measure its form implies: {@code 2024年1-3月} and
   * {@code 2024年前三季度} are year-to-date figures.
   */
  public record Parsed(Period period, Optional<Measure> impliedMeasure) {}

  private static final String NUMERAL = "([0-9]{1,2}|[一二三四])";
  private static final Pattern MONTH_RANGE = Pattern.compile("(\\d{4})年?1[-—–~至到](\\d{1,2})月");
  private static final Pattern QUARTER_RANGE =
      Pattern.compile("(\\d{4})年?(?:第?1[-—–~至到]|前)" + NUMERAL + "季度?");
  private static final Pattern HALF_YEAR = Pattern.compile("(\\d{4})年?上半年");
  private static final Pattern QUARTER =
      Pattern.compile("(\\d{4})(?:年第?|[-/]?Q)" + NUMERAL + "(?:季度?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH =
      Pattern.compile("(\\d{4})(?:年|[-/.]|M)(\\d{1,2})月?", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})年?(?:度|全年)?");

  public Period {
    if (year < 1949 || year > 2100) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (number < 1 || number > frequency.periodsPerYear()) {
      throw new IllegalArgumentException(
          "period number " + number + " out of range for " + frequency);
    }
  }

  public static Period month(int year, int month) {
    return new Period(year, Frequency.MONTHLY, month);
  }

  public static Period quarter(int year, int quarter) {
    return new Period(year, Frequency.QUARTERLY, quarter);
  }

  public static Period year(int year) {
    return new Period(year, Frequency.ANNUAL, 1);
  }

  /**
   * Reads the common ways periods are written: 2024年3月, 2024-03, 2024/3, 2024.03, 2024M03, 202403;
   * 2024年第1季度, 2024年一季度, 2024Q1, 2024-Q1; 2024, 2024年, 2024年度; and the year-to-date forms
   * 2024年1-3月, 2024年1-3季度, 2024年前三季度, 2024年上半年. Full-width digits are accepted.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static Parsed parse(String text) {
    String cleaned = Text.clean(text);
    if (cleaned == null) {
      throw new IllegalArgumentException("period is missing");
    }
    String t = cleaned.replace(" ", "");
    Matcher m;
    if ((m = MONTH_RANGE.matcher(t)).matches()) {
      return cumulative(month(year(m), Integer.parseInt(m.group(2))));
    }
    if ((m = QUARTER_RANGE.matcher(t)).matches()) {
      return cumulative(quarter(year(m), numeral(m.group(2))));
    }
    if ((m = HALF_YEAR.matcher(t)).matches()) {
      return cumulative(quarter(year(m), 2));
    }
    if ((m = QUARTER.matcher(t)).matches()) {
      return plain(quarter(year(m), numeral(m.group(2))));
    }
    if ((m = MONTH.matcher(t)).matches() || (m = COMPACT_MONTH.matcher(t)).matches()) {
      return plain(month(year(m), Integer.parseInt(m.group(2))));
    }
    if ((m = YEAR.matcher(t)).matches()) {
      return plain(year(year(m)));
    }
    throw new IllegalArgumentException("unreadable period '" + text + "'");
  }

  /** The period before, within the same frequency (December before the next January). */
  public Period previous() {
    return number == 1
        ? new Period(year - 1, frequency, frequency.periodsPerYear())
        : new Period(year, frequency, number - 1);
  }

  public boolean isFirstOfYear() {
    return number == 1;
  }

  /** {@code 2024-03}, {@code 2024-Q1} or {@code 2024}. */
  public String code() {
    return switch (frequency) {
      case MONTHLY -> String.format("%d-%02d", year, number);
      case QUARTERLY -> year + "-Q" + number;
      case ANNUAL -> String.valueOf(year);
    };
  }

  @Override
  public int compareTo(Period other) {
    int byFrequency = frequency.compareTo(other.frequency);
    if (byFrequency != 0) {
      return byFrequency;
    }
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return code();
  }

  private static Parsed cumulative(Period period) {
    return new Parsed(period, Optional.of(Measure.CUMULATIVE));
  }

  private static Parsed plain(Period period) {
    return new Parsed(period, Optional.empty());
  }

  private static int year(Matcher m) {
    return Integer.parseInt(m.group(1));
  }

  private static int numeral(String text) {
    return switch (text) {
      case "一" -> 1;
      case "二" -> 2;
      case "三" -> 3;
      case "四" -> 4;
      default -> Integer.parseInt(text);
    };
  }
}
