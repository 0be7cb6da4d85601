package cn.govdata.pipelines.cleanse;

import java.util.Locale;

/** Sex as M or F from the codes departments use (男/女, 1/2 as in GB/T 2261.1, M/F). */
public final class Sexes {

  private Sexes() {}

  public static Cleaned standardise(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "男", "男性", "1", "M", "MALE" -> Cleaned.valid("M", raw);
      case "女", "女性", "2", "F", "FEMALE" -> Cleaned.valid("F", raw);
      case "0", "9", "未知的性别", "未说明的性别" -> Cleaned.missing(raw);
      default -> Cleaned.rejected("sex.code", raw);
    };
  }
}
