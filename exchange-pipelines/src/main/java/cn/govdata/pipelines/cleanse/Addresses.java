package cn.govdata.pipelines.cleanse;

import cn.govdata.pipelines.cleanse.Divisions.Division;
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
    Division city = null;
    Division county = null;
    for (Division division : Divisions.all()) {
      if (division.city().isEmpty()) {
        Optional<String> after = stripName(rest, division.province());
        if (after.isPresent()) {
          province = division;
          rest = after.get();
          break;
        }
      }
    }
    for (Division division : Divisions.all()) {
      if (!division.city().isEmpty()
          && !division.isCounty()
          && (province == null || division.province().equals(province.province()))) {
        Optional<String> after = stripName(rest, division.city());
        if (after.isPresent()) {
          city = division;
          rest = after.get();
          break;
        }
      }
    }
    for (Division division : Divisions.all()) {
      if (division.isCounty() && (city == null || division.city().equals(city.city()))) {
        Optional<String> after =
            rest.startsWith(division.county())
                ? Optional.of(rest.substring(division.county().length()))
                : city != null ? stripName(rest, division.county()) : Optional.empty();
        if (after.isPresent()) {
          county = division;
          rest = after.get();
          break;
        }
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

  /** The rest of {@code text} after {@code name} or its short form at the start. */
  private static Optional<String> stripName(String text, String name) {
    if (text.startsWith(name)) {
      return Optional.of(text.substring(name.length()));
    }
    String shortName = Divisions.shortName(name);
    if (!shortName.equals(name) && text.startsWith(shortName)) {
      return Optional.of(text.substring(shortName.length()));
    }
    return Optional.empty();
  }
}
