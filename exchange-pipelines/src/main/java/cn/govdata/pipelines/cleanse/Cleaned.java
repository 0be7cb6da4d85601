package cn.govdata.pipelines.cleanse;

import java.io.Serializable;

/**
 * The outcome of standardising one value: the standard form and what happened to it. Every repair
 * and every rejection carries the rule, so that the quality report can count them by reason.
 *
 * @param value the standard form; {@code null} when missing or rejected
 * @param status what happened
 * @param rule the rule that repaired or rejected the value, e.g. {@code
 *     identity-number.upgraded-15}; {@code null} when the value was already standard or missing
 * @param original the value as the department sent it
 */
public record Cleaned(String value, Status status, String rule, String original)
    implements Serializable {

  /** What standardisation did to a value. */
  public enum Status {
    /** Already in standard form, or differing only in layout (spaces, width). */
    VALID,
    /** Changed in substance to become valid (e.g. a 15-digit number upgraded). */
    REPAIRED,
    /** Present but unusable; kept with its reason. */
    REJECTED,
    /** Absent or blank. */
    MISSING
  }

  public Cleaned {
    if (status == null) {
      throw new IllegalArgumentException("status must not be null");
    }
    if ((status == Status.REPAIRED || status == Status.REJECTED) && rule == null) {
      throw new IllegalArgumentException(status + " needs the rule that decided it");
    }
  }

  public static Cleaned valid(String value, String original) {
    return new Cleaned(value, Status.VALID, null, original);
  }

  public static Cleaned repaired(String value, String rule, String original) {
    return new Cleaned(value, Status.REPAIRED, rule, original);
  }

  public static Cleaned rejected(String rule, String original) {
    return new Cleaned(null, Status.REJECTED, rule, original);
  }

  public static Cleaned missing(String original) {
    return new Cleaned(null, Status.MISSING, null, original);
  }

  public boolean isUsable() {
    return value != null;
  }
}
