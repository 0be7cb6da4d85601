package cn.govdata.pipelines.cleanse;

/** Personal names (姓名) as a department typed them. */
public final class PersonNames {

  private PersonNames() {}

  /**
   * Personal names: spaces between Chinese characters are layout (张 三 is 张三); a name with digits is
   * a value typed into the wrong column.
   */
  public static Cleaned standardise(String raw) {
    String cleaned = Text.clean(raw);
    if (cleaned == null) {
      return Cleaned.missing(raw);
    }
    if (cleaned.chars().anyMatch(Character::isDigit)) {
      return Cleaned.rejected("name.contains-digits", raw);
    }
    return Cleaned.valid(cleaned.replaceAll("(?<=\\p{IsHan}) (?=\\p{IsHan})", ""), raw);
  }
}
