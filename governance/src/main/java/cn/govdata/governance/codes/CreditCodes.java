package cn.govdata.governance.codes;

import java.util.Locale;

/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: registration authority, organisation
 * category, six-digit region code, the nine-character organisation code (GB 11714) and a check
 * character over the 31-character alphabet without I, O, S, V and Z.
 */
public final class CreditCodes {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  public static CodeCheck check(String code) {
    if (code == null || code.isBlank()) {
      return CodeCheck.invalid("credit-code.required", "credit code is missing");
    }
    String text = code.strip().toUpperCase(Locale.ROOT);
    if (text.length() != 18) {
      return CodeCheck.invalid(
          "credit-code.length", "credit code must have 18 characters, got " + text.length());
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) {
        return CodeCheck.invalid(
            "credit-code.alphabet",
            "credit code character '"
                + text.charAt(i)
                + "' at position "
                + (i + 1)
                + " is not allowed (no I, O, S, V, Z)");
      }
    }
    if (!text.substring(2, 8).matches("\\d{6}")) {
      return CodeCheck.invalid(
          "credit-code.region", "credit code positions 3-8 must be a six-digit region code");
    }
    CodeCheck organisation = OrganizationCodes.check(text.substring(8, 17));
    if (!organisation.isValid()) {
      return CodeCheck.invalid(
          "credit-code.organisation-code",
          "credit code's organisation code (positions 9-17) is invalid: " + organisation.message());
    }
    char expected = checkCharacter(text.substring(0, 17));
    if (text.charAt(17) != expected) {
      return CodeCheck.invalid(
          "credit-code.check-character",
          "credit code check character is " + text.charAt(17) + ", expected " + expected);
    }
    return CodeCheck.valid(text);
  }

  public static boolean isValid(String code) {
    return check(code).isValid();
  }

  /** The check character for the first 17 characters. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "character not in the credit-code alphabet at position " + (i + 1));
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }

  /**
   * Builds a credit code from its parts, computing the check character; used to map a legacy
   * organisation code to its credit code and by the data generator.
   */
  public static String compose(
      char authority, char category, String regionCode, String organisationCode) {
    String first17 = "" + authority + category + regionCode + organisationCode;
    return first17 + checkCharacter(first17);
  }

  /** The organisation code (positions 9-17) of a valid credit code. */
  public static String organisationCode(String valid) {
    return valid.substring(8, 17);
  }
}
