package cn.govdata.pipelines.cleanse;

import cn.govdata.governance.codes.CodeCheck;
import cn.govdata.governance.codes.IdentityNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident identity numbers (公民身份号码) as departments send them: full-width digits, spaces, a
 * lower-case x, 15-digit legacy numbers. Valid numbers come out as 18 upper-case characters; legacy
 * numbers are upgraded (and counted as repaired); the rest are rejected with governance's rule.
 */
public final class IdentityNumberCleaner {

  private IdentityNumberCleaner() {}

  public static Cleaned standardise(String raw, LocalDate today) {
    String text = Text.alphanumeric(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    CodeCheck check = IdentityNumbers.check(text, today);
    if (!check.isValid()) {
      return Cleaned.rejected(check.rule(), raw);
    }
    if (text.length() == 15) {
      return Cleaned.repaired(check.canonical(), "identity-number.upgraded-15", raw);
    }
    return Cleaned.valid(check.canonical(), raw);
  }

  /** Birth date, sex (M/F) and region code encoded in a valid 18-character number. */
  public record Derived(LocalDate birthDate, String sex, String regionCode) {}

  public static Derived derive(String valid18) {
    return new Derived(
        IdentityNumbers.birthDate(valid18),
        IdentityNumbers.isMale(valid18) ? "M" : "F",
        IdentityNumbers.regionCode(valid18));
  }

  /**
   * The rules a record breaks when the birth date or sex it declares disagrees with its identity
   * number; either declared value may be null (then it is not checked).
   */
  public static List<String> crossCheck(String valid18, String declaredBirthDate, String sex) {
    List<String> broken = new ArrayList<>(2);
    Derived derived = derive(valid18);
    if (declaredBirthDate != null && !declaredBirthDate.equals(derived.birthDate().toString())) {
      broken.add("identity-number.birth-date-mismatch");
    }
    if (sex != null && !sex.equals(derived.sex())) {
      broken.add("identity-number.sex-mismatch");
    }
    return broken;
  }
}
