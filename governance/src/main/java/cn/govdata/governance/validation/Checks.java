package cn.govdata.governance.validation;

import java.util.Collection;
import java.util.List;

/** Precondition helpers for compact constructors; each failure names the field and the rule. */
public final class Checks {

  private Checks() {}

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidFieldException(field, "required", field + " is required");
    }
    return value;
  }

  /** A required text, stripped; blank counts as missing. */
  public static String requiredText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "required", field + " is required");
    }
    return optionalText(value, field, maxLength);
  }

  /** An optional text, stripped; blank becomes {@code null}. */
  public static String optionalText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) > maxLength) {
      throw new InvalidFieldException(
          field, "max-length", field + " must be at most " + maxLength + " characters");
    }
    return stripped;
  }

  public static <T> List<T> copyOf(Collection<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    if (values.stream().anyMatch(v -> v == null)) {
      throw new InvalidFieldException(field, "no-null-element", field + " must not contain null");
    }
    return List.copyOf(values);
  }
}
