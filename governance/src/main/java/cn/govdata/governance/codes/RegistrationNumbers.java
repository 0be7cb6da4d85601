package cn.govdata.governance.codes;

/**
 * Legacy business registration numbers (工商注册号), 15 digits: six-digit authority region code,
 * eight-digit sequence and a check digit computed with ISO 7064 MOD 11,10. Replaced by credit codes
 * since 2015; still found in old extracts.
 */
public final class RegistrationNumbers {

  private RegistrationNumbers() {}

  public static CodeCheck check(String number) {
    if (number == null || number.isBlank()) {
      return CodeCheck.invalid("registration-number.required", "registration number is missing");
    }
    String text = number.strip();
    if (!text.matches("\\d{15}")) {
      return CodeCheck.invalid(
          "registration-number.format", "registration number must be 15 digits");
    }
    int expected = checkDigit(text.substring(0, 14));
    if (text.charAt(14) - '0' != expected) {
      return CodeCheck.invalid(
          "registration-number.check-digit",
          "registration number check digit is " + text.charAt(14) + ", expected " + expected);
    }
    return CodeCheck.valid(text);
  }

  public static boolean isValid(String number) {
    return check(number).isValid();
  }

  /** ISO 7064 MOD 11,10 check digit for 14 digits. */
  public static int checkDigit(String first14) {
    int product = 10;
    for (int i = 0; i < first14.length(); i++) {
      int sum = (product + (first14.charAt(i) - '0')) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    return (11 - product) % 10;
  }
}
