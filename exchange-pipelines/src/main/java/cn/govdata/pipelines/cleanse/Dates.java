package cn.govdata.pipelines.cleanse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the formats departments use: 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日 and
 * timestamps that start with one of them. Out come ISO dates; impossible dates are rejected.
 */
public final class Dates {

  private static final Pattern SEPARATED =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\d{6})?");
  private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

  private Dates() {}

  public static Cleaned standardise(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    Matcher matcher = SEPARATED.matcher(text);
    if (!matcher.matches()) {
      matcher = COMPACT.matcher(text);
      if (!matcher.matches()) {
        return Cleaned.rejected("date.format", raw);
      }
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(matcher.group(1)),
              Integer.parseInt(matcher.group(2)),
              Integer.parseInt(matcher.group(3)));
      if (date.isBefore(EARLIEST)) {
        return Cleaned.rejected("date.range", raw);
      }
      return Cleaned.valid(date.toString(), raw);
    } catch (DateTimeException e) {
      return Cleaned.rejected("date.calendar", raw);
    }
  }
}
