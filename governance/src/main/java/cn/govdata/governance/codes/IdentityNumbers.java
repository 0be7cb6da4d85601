package cn.govdata.governance.codes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Resident identity numbers (公民身份号码), GB 11643-1999: six-digit region code, eight-digit birth date,
 * three-digit sequence (odd for men, even for women) and a check character computed with ISO 7064
 * MOD 11-2. Legacy fifteen-digit numbers (two-digit year, no check character) are upgraded by
 * inserting "19" before the year and computing the check character.
 */
public final class IdentityNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARACTERS = {
    '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'
  };

  /** The province-level prefixes of GB/T 2260 (including Taiwan, Hong Kong and Macao). */
  static final Set<String> PROVINCE_PREFIXES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  /** Numbers issued before this year of birth are not plausible. */
  private static final int EARLIEST_BIRTH_YEAR = 1880;

  private IdentityNumbers() {}

  /**
   * Checks an 18-character number, or upgrades and checks a 15-digit one. The birth date must be a
   * real date not after {@code today}; the region must start with a province prefix.
   */
  public static CodeCheck check(String number, LocalDate today) {
    if (number == null || number.isBlank()) {
      return CodeCheck.invalid("identity-number.required", "identity number is missing");
    }
    String text = number.strip().toUpperCase(Locale.ROOT);
    if (text.length() == 15) {
      if (!text.matches("\\d{15}")) {
        return CodeCheck.invalid(
            "identity-number.format", "a 15-character identity number must be all digits");
      }
      return check(upgrade(text), today);
    }
    if (text.length() != 18) {
      return CodeCheck.invalid(
          "identity-number.length",
          "identity number must have 18 characters (or 15 legacy digits), got " + text.length());
    }
    if (!text.matches("\\d{17}[\\dX]")) {
      return CodeCheck.invalid(
          "identity-number.format", "identity number must be 17 digits followed by a digit or X");
    }
    if (!PROVINCE_PREFIXES.contains(text.substring(0, 2))) {
      return CodeCheck.invalid(
          "identity-number.region",
          "identity number region " + text.substring(0, 6) + " is not a GB/T 2260 province");
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(text.substring(6, 10)),
              Integer.parseInt(text.substring(10, 12)),
              Integer.parseInt(text.substring(12, 14)));
    } catch (DateTimeException e) {
      return CodeCheck.invalid(
          "identity-number.birth-date",
          "identity number birth date " + text.substring(6, 14) + " is not a date");
    }
    if (birth.getYear() < EARLIEST_BIRTH_YEAR || birth.isAfter(today)) {
      return CodeCheck.invalid(
          "identity-number.birth-date", "identity number birth date " + birth + " is out of range");
    }
    char expected = checkCharacter(text.substring(0, 17));
    if (text.charAt(17) != expected) {
      return CodeCheck.invalid(
          "identity-number.check-character",
          "identity number check character is " + text.charAt(17) + ", expected " + expected);
    }
    return CodeCheck.valid(text);
  }

  public static CodeCheck check(String number) {
    return check(number, LocalDate.now());
  }

  public static boolean isValid(String number) {
    return check(number).isValid();
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int digit = first17.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("not a digit at position " + (i + 1));
      }
      sum += digit * WEIGHTS[i];
    }
    return CHECK_CHARACTERS[sum % 11];
  }

  /**
   * Upgrades a 15-digit legacy number: "19" before the two-digit year, then the check character.
   */
  public static String upgrade(String fifteen) {
    if (fifteen == null || !fifteen.matches("\\d{15}")) {
      throw new IllegalArgumentException("a legacy identity number has 15 digits");
    }
    String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
    return first17 + checkCharacter(first17);
  }

  /** The birth date of a valid 18-character number. */
  public static LocalDate birthDate(String valid18) {
    return LocalDate.of(
        Integer.parseInt(valid18.substring(6, 10)),
        Integer.parseInt(valid18.substring(10, 12)),
        Integer.parseInt(valid18.substring(12, 14)));
  }

  /** True for men (odd sequence), false for women. */
  public static boolean isMale(String valid18) {
    return (valid18.charAt(16) - '0') % 2 == 1;
  }

  /** The GB/T 2260 region code at the time of issue. */
  public static String regionCode(String valid18) {
    return valid18.substring(0, 6);
  }
}
