package cn.govdata.governance.codes;

import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.Optional;

/**
 * The outcome of checking a code: either valid, with the code in its canonical form, or invalid
 * with the rule that failed.
 *
 * @param canonical the code normalised (upper case, 18 characters for upgraded identity numbers);
 *     {@code null} when invalid
 * @param rule the rule that failed, e.g. {@code identity-number.check-character}; {@code null} when
 *     valid
 * @param message what failed, in words; {@code null} when valid
 */
public record CodeCheck(String canonical, String rule, String message) {

  public static CodeCheck valid(String canonical) {
    return new CodeCheck(canonical, null, null);
  }

  public static CodeCheck invalid(String rule, String message) {
    return new CodeCheck(null, rule, message);
  }

  public boolean isValid() {
    return rule == null;
  }

  public Optional<FieldViolation> violation(String field) {
    return isValid()
        ? Optional.empty()
        : Optional.of(new FieldViolation(field, rule, field + ": " + message));
  }

  /** The canonical code, or an {@link InvalidFieldException} naming {@code field}. */
  public String orThrow(String field) {
    if (!isValid()) {
      throw new InvalidFieldException(field, rule, field + ": " + message);
    }
    return canonical;
  }
}
