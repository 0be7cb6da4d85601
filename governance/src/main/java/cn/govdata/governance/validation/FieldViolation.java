package cn.govdata.governance.validation;

import java.util.Objects;

/**
 * One broken rule on one field, in the words an API client or a department's import report shows.
 *
 * @param field the path of the field, e.g. {@code provider.creditCode} or {@code items[2].name}
 * @param rule a stable machine-readable name of the rule, e.g. {@code credit-code.check-character}
 * @param message a human-readable explanation naming the field and the rule
 */
public record FieldViolation(String field, String rule, String message) {

  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** The same violation with its field nested under {@code parent}. */
  public FieldViolation under(String parent) {
    return new FieldViolation(parent + "." + field, rule, message);
  }

  @Override
  public String toString() {
    return field + ": " + message + " [" + rule + "]";
  }
}
