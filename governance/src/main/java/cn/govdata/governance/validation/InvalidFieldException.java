package cn.govdata.governance.validation;

import java.util.List;

/**
 * Thrown when a value object cannot be built because its input breaks one or more rules. Each
 * violation names the field and the rule; the REST layer turns them into RFC 9457 problem details
 * and the import turns them into rows of the validation report.
 */
public final class InvalidFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<FieldViolation> violations;

  public InvalidFieldException(List<FieldViolation> violations) {
    super(summary(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidFieldException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public InvalidFieldException(String field, String rule, String message) {
    this(List.of(new FieldViolation(field, rule, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** The same violations with every field nested under {@code parent}. */
  public InvalidFieldException under(String parent) {
    return new InvalidFieldException(violations.stream().map(v -> v.under(parent)).toList());
  }

  private static String summary(List<FieldViolation> violations) {
    return violations.stream()
        .map(FieldViolation::toString)
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }
}
