package cn.govdata.pipelines.cleanse;

import cn.govdata.pipelines.cleanse.Divisions.Division;
import java.util.List;
import java.util.Optional;

/**
 * Addresses parsed into a GB/T 2260 division and the detail below it. 佛山南海区桂城街道… and 广东省佛山市南海区桂城街道…
 * both become division 440605 with detail 桂城街道…; an address whose division was abbreviated or left
 * out is completed and counted as repaired.
 */
public final class Addresses {

  /**
   * A parsed address.
   *
   * @param cleaned the standard text (full division names, then the detail) and what happened
   * @param divisionCode the most precise division found; {@code null} when none
   * @param detail the part below the division (street, number, building)
   */
  public record ParsedAddress(Cleaned cleaned, String divisionCode, String detail) {}

  private Addresses() {}

  public static ParsedAddress parse(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return new ParsedAddress(Cleaned.missing(raw), null, null);
    }
    String rest = ChineseScript.toSimplified(text).replace(" ", "");
    Division province = null;
    for (Division division : Divisions.provinces()) {
      Optional<String> after = stripName(rest, division.province());
      if (after.isPresent()) {
        province = division;
        rest = after.get();
        break;
      }
    }
    Division city = null;
    for (Division division : Divisions.cities(province)) {
      Optional<String> after = stripName(rest, division.city());
      if (after.isPresent()) {
        city = division;
        rest = after.get();
        break;
      }
    }
    Division county = null;
    if (city != null || province != null) {
      for (Division division : Divisions.counties(city != null ? city : province)) {
        Optional<String> after =
            city != null ? stripName(rest, division.county()) : stripFullName(rest, division);
        if (after.isPresent()) {
          county = division;
          rest = after.get();
          break;
        }
      }
    } else {
      // no province or city: a county by its full name, when the name is unique in the country
      county = uniqueCountyAtStart(rest);
      if (county != null) {
        rest = rest.substring(county.county().length());
      }
    }
    Division found = county != null ? county : city != null ? city : province;
    if (found == null) {
      return new ParsedAddress(Cleaned.rejected("address.division-unknown", raw), null, rest);
    }
    String standard = found.fullName() + rest;
    Cleaned cleaned =
        standard.equals(text.replace(" ", ""))
            ? Cleaned.valid(standard, raw)
            : Cleaned.repaired(standard, "address.division-completed", raw);
    return new ParsedAddress(cleaned, found.code(), rest);
  }

  private static Optional<String> stripFullName(String text, Division county) {
    return text.startsWith(county.county())
        ? Optional.of(text.substring(county.county().length()))
        : Optional.empty();
  }

  private static final int LONGEST_COUNTY_NAME = 16;

  private static Division uniqueCountyAtStart(String text) {
    for (int end = Math.min(text.length(), LONGEST_COUNTY_NAME); end >= 2; end--) {
      List<Division> named = Divisions.countiesNamed(text.substring(0, end));
      if (!named.isEmpty()) {
        return named.size() == 1 ? named.get(0) : null;
      }
    }
    return null;
  }

  /** The rest of {@code text} after {@code name} or its short form at the start. */
  private static Optional<String> stripName(String text, String name) {
    if (text.startsWith(name)) {
      return Optional.of(text.substring(name.length()));
    }
    String shortName = Divisions.shortName(name);
    // 朝阳区 is not 朝阳市 abbreviated: a short name followed by another level's suffix is a
    // different division's name
    if (!shortName.equals(name)
        && text.startsWith(shortName)
        && !text.startsWith("区", shortName.length())
        && !text.startsWith("县", shortName.length())) {
      return Optional.of(text.substring(shortName.length()));
    }
    return Optional.empty();
  }
}
