package cn.govdata.pipelines.cleanse;

import cn.govdata.governance.codes.CodeCheck;
import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.OrganizationCodes;
import cn.govdata.governance.codes.RegistrationNumbers;

/**
 * Identifiers of legal entities: unified social credit codes (统一社会信用代码), legacy organisation codes
 * (组织机构代码) and business registration numbers (工商注册号). A credit code embeds the organisation code at
 * positions 9–17, so both map to one organisation key that links an entity across registers of
 * before and after 2015.
 */
public final class OrganisationIdentifiers {

  private OrganisationIdentifiers() {}

  public static Cleaned creditCode(String raw) {
    String text = Text.alphanumeric(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    CodeCheck check = CreditCodes.check(text);
    return check.isValid()
        ? Cleaned.valid(check.canonical(), raw)
        : Cleaned.rejected(check.rule(), raw);
  }

  /**
   * The credit code in a column that may hold a legacy identifier instead (the tax register): a
   * legacy organisation code or old tax number means the credit code is missing, not wrong — it
   * survives as the {@link #organisationCodeOf(String) organisation code}.
   */
  public static Cleaned creditCodeOrLegacy(String raw) {
    Cleaned credit = creditCode(raw);
    if (credit.status() == Cleaned.Status.REJECTED && organisationKey(raw) != null) {
      return Cleaned.missing(raw);
    }
    return credit;
  }

  /**
   * The organisation code (组织机构代码) inside a credit code, a legacy organisation code or an old tax
   * number (region + organisation code, counted as repaired: {@code
   * organisation-code.from-tax-number}); missing when the identifier is none of them.
   */
  public static Cleaned organisationCodeOf(String raw) {
    String key = organisationKey(raw);
    if (key == null) {
      return Cleaned.missing(raw);
    }
    return Text.alphanumeric(raw).length() == 15
        ? Cleaned.repaired(key, "organisation-code.from-tax-number", raw)
        : Cleaned.valid(key, raw);
  }

  public static Cleaned organisationCode(String raw) {
    String text = Text.alphanumeric(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    CodeCheck check = OrganizationCodes.check(text);
    return check.isValid()
        ? Cleaned.valid(check.canonical(), raw)
        : Cleaned.rejected(check.rule(), raw);
  }

  public static Cleaned registrationNumber(String raw) {
    String text = Text.alphanumeric(raw);
    if (text == null) {
      return Cleaned.missing(raw);
    }
    CodeCheck check = RegistrationNumbers.check(text);
    return check.isValid()
        ? Cleaned.valid(check.canonical(), raw)
        : Cleaned.rejected(check.rule(), raw);
  }

  /**
   * The organisation key of an identifier that is either a credit code or a legacy organisation
   * code (the tax register mixes both in one column); {@code null} when it is neither.
   */
  public static String organisationKey(String raw) {
    String text = Text.alphanumeric(raw);
    if (text == null) {
      return null;
    }
    if (text.length() == 18 && CreditCodes.isValid(text)) {
      return CreditCodes.organisationCode(text);
    }
    if (text.length() == 9 && OrganizationCodes.isValid(text)) {
      return text;
    }
    // the old tax identifier: six-digit region code followed by the organisation code
    if (text.length() == 15 && OrganizationCodes.isValid(text.substring(6))) {
      return text.substring(6);
    }
    return null;
  }
}
