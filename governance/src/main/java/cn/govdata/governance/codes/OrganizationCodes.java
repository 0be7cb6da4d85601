package cn.govdata.governance.codes;

import java.util.Locale;

/**
 * Organisation codes (组织机构代码), GB 11714-1997: eight body characters (digits and capital letters)
 * and a check character. Written either as nine characters or with a hyphen before the check
 * character (12345678-9).
 */
public final class OrganizationCodes {

  private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private OrganizationCodes() {}

  public static CodeCheck check(String code) {
    if (code == null || code.isBlank()) {
      return CodeCheck.invalid("organisation-code.required", "organisation code is missing");
    }
    String text = code.strip().toUpperCase(Locale.ROOT).replace("-", "");
    if (!text.matches("[0-9A-Z]{8}[0-9X]")) {
      return CodeCheck.invalid(
          "organisation-code.format",
          "organisation code must be 8 digits or letters and a check digit or X");
    }
    char expected = checkCharacter(text.substring(0, 8));
    if (text.charAt(8) != expected) {
      return CodeCheck.invalid(
          "organisation-code.check-character",
          "organisation code check character is " + text.charAt(8) + ", expected " + expected);
    }
    return CodeCheck.valid(text);
  }

  public static boolean isValid(String code) {
    return check(code).isValid();
  }

  public static char checkCharacter(String body8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body8.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += value * WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }
}
