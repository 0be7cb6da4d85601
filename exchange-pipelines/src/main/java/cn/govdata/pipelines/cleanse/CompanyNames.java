package cn.govdata.pipelines.cleanse;

import java.util.List;

/**
 * Names of companies and organisations. The standard form has half-width brackets and no spaces;
 * the match key also drops the leading region, the legal-form suffix (有限公司, 股份有限公司…) and bracketed
 * region markers, so 佛山市南海区 顺达贸易有限公司 and 顺达贸易(佛山)有限责任公司 share a key. Branch markers (分公司, 分店, 营业部)
 * stay in the key: a branch is a different entity.
 */
public final class CompanyNames {

  private static final List<String> LEGAL_FORMS =
      List.of(
          "股份有限公司", "有限责任公司", "有限公司", "集团公司", "合伙企业", "个人独资企业", "公司", "集团", "厂", "中心", "协会", "商会",
          "基金会", "研究会", "促进会");

  private CompanyNames() {}

  public static Cleaned standardise(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    String standard = text.replace('（', '(').replace('）', ')').replace(" ", "");
    if (standard.length() < 2) {
      return Cleaned.rejected("company-name.too-short", raw);
    }
    return Cleaned.valid(standard, raw);
  }

  public static String matchKey(String raw) {
    String key = Text.matchKey(raw == null ? null : raw.replace('（', '(').replace('）', ')'));
    if (key == null) {
      return null;
    }
    // Text.matchKey already dropped the brackets: strip the leading region (province, city,
    // county, each optional, full or short) and a region left at the end by 顺达贸易(佛山)有限公司.
    key = stripLeadingRegion(key);
    for (String form : LEGAL_FORMS) {
      if (key.endsWith(form) && key.length() > form.length() + 1) {
        key = key.substring(0, key.length() - form.length());
        break;
      }
    }
    for (Divisions.Division city : Divisions.cities(null)) {
      String shortCity = Divisions.shortName(city.city());
      if (key.endsWith(shortCity) && key.length() > shortCity.length() + 1) {
        key = key.substring(0, key.length() - shortCity.length());
        break;
      }
    }
    return key;
  }

  /**
   * Strips a leading province, city and county name. Counties are stripped by their short name only
   * after their city (佛山市南海区, 佛山南海): across the country, two-character county names (永泰, 富民, 东方)
   * are also trade names.
   */
  private static String stripLeadingRegion(String key) {
    Divisions.Division province = null;
    for (Divisions.Division division : Divisions.provinces()) {
      String stripped = stripName(key, division.province());
      if (!stripped.equals(key)) {
        province = division;
        key = stripped;
        break;
      }
    }
    Divisions.Division city = null;
    for (Divisions.Division division : Divisions.cities(province)) {
      String stripped = stripName(key, division.city());
      if (!stripped.equals(key)) {
        city = division;
        key = stripped;
        break;
      }
    }
    if (city != null) {
      for (Divisions.Division division : Divisions.counties(city)) {
        String stripped = stripName(key, division.county());
        if (!stripped.equals(key)) {
          return stripped;
        }
      }
      return key;
    }
    for (int end = Math.min(key.length() - 2, 16); end >= 2; end--) {
      if (!Divisions.countiesNamed(key.substring(0, end)).isEmpty()) {
        return key.substring(end);
      }
    }
    return key;
  }

  private static String stripName(String key, String name) {
    String stripped = stripLeading(key, name);
    return stripped.equals(key) ? stripLeading(key, Divisions.shortName(name)) : stripped;
  }

  private static String stripLeading(String key, String name) {
    return !name.isEmpty() && key.startsWith(name) && key.length() > name.length() + 1
        ? key.substring(name.length())
        : key;
  }
}
