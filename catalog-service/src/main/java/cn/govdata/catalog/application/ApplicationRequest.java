package cn.govdata.catalog.application;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an applicant asks for: an entry's information items (信息项), optionally only the rows of some
 * regions, for a purpose and on a legal basis, for a period.
 *
 * @param entryId the directory entry applied for
 * @param purpose what the data will be used for (用途)
 * @param legalBasis the law, regulation or duty that justifies the use (依据)
 * @param items information item names, at least one
 * @param regionCodes GB/T 2260 codes whose rows are asked for; empty for every row the applicant
 *     may otherwise see
 * @param validFrom first day of use
 * @param validUntil last day of use
 * @param applicant the person, for an open application; {@code null} for a department
 */
public record ApplicationRequest(
    Long entryId,
    String purpose,
    String legalBasis,
    List<String> items,
    List<String> regionCodes,
    LocalDate validFrom,
    LocalDate validUntil,
    PublicApplicant applicant) {

  /** The longest period one application may cover; a longer use needs a new application. */
  public static final int MAX_DAYS = 366;

  public ApplicationRequest {
    List<FieldViolation> violations = new ArrayList<>();
    if (entryId == null) {
      violations.add(new FieldViolation("entryId", "required", "entryId is required"));
    }
    String purposeText = purpose;
    String basisText = legalBasis;
    purpose = collect(violations, () -> Checks.requiredText(purposeText, "purpose", 1000));
    legalBasis = collect(violations, () -> Checks.requiredText(basisText, "legalBasis", 1000));
    items = distinct(items);
    regionCodes = distinct(regionCodes);
    if (items.isEmpty()) {
      violations.add(new FieldViolation("items", "required", "name at least one information item"));
    }
    checkPeriod(violations, validFrom, validUntil);
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
  }

  static void checkPeriod(
      List<FieldViolation> violations, LocalDate validFrom, LocalDate validUntil) {
    if (validFrom == null) {
      violations.add(new FieldViolation("validFrom", "required", "validFrom is required"));
    }
    if (validUntil == null) {
      violations.add(new FieldViolation("validUntil", "required", "validUntil is required"));
    }
    if (validFrom != null && validUntil != null) {
      if (validUntil.isBefore(validFrom)) {
        violations.add(
            new FieldViolation(
                "validUntil", "application.dates", "validUntil must not be before validFrom"));
      } else if (validUntil.isAfter(validFrom.plusDays(MAX_DAYS - 1))) {
        violations.add(
            new FieldViolation(
                "validUntil",
                "application.max-period",
                "an application covers at most " + MAX_DAYS + " days"));
      }
    }
  }

  static List<String> distinct(List<String> values) {
    if (values == null) {
      return List.of();
    }
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        set.add(value.strip());
      }
    }
    return List.copyOf(set);
  }

  private static String collect(List<FieldViolation> violations, Supplier<String> check) {
    try {
      return check.get();
    } catch (InvalidFieldException e) {
      violations.addAll(e.violations());
      return null;
    }
  }
}
