package cn.govdata.pipelines.cleanse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mobile and landline numbers. Mobiles come out as 11 digits ({@code 1[3-9]} then nine digits);
 * landlines as area code, hyphen, local number ({@code 0757-86001234}). Country prefixes and
 * separators are layout; anything else is rejected.
 */
public final class PhoneNumbers {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE =
      Pattern.compile("(0(?:10|2\\d|[3-9]\\d{2}))-?([2-9]\\d{6,7})");

  private PhoneNumbers() {}

  public static Cleaned standardise(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    String digits = text.replaceAll("[\\s()（）.]", "").replace("—", "-");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    }
    digits = digits.replaceFirst("^-", "");
    String plain = digits.replace("-", "");
    if (MOBILE.matcher(plain).matches()) {
      return Cleaned.valid(plain, raw);
    }
    Matcher landline = LANDLINE.matcher(digits.contains("-") ? digits : plain);
    if (landline.matches()) {
      return Cleaned.valid(landline.group(1) + "-" + landline.group(2), raw);
    }
    if (plain.matches("1\\d{10}")) {
      return Cleaned.rejected("phone.mobile-prefix", raw);
    }
    if (plain.matches("\\d+") && plain.startsWith("1")) {
      return Cleaned.rejected("phone.mobile-length", raw);
    }
    return Cleaned.rejected("phone.format", raw);
  }
}
