package cn.govdata.governance.form;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import java.util.List;

/**
 * One data row of a directory form, read and checked.
 *
 * @param rowNumber the row's number as the spreadsheet shows it (the header row counts, so the
 *     first data row below a header in row 1 is row 2)
 * @param resource the entry the row describes; {@code null} when the row has violations
 * @param status the lifecycle status column (状态) as a {@link
 *     cn.govdata.governance.directory.LifecycleStatus} constant name, {@code null} when blank or
 *     absent
 * @param batch the open batch column (开放批次), {@code null} when blank or absent
 * @param violations every broken rule of the row, empty when the row is valid
 */
public record FormRow(
    int rowNumber,
    InformationResource resource,
    String status,
    String batch,
    List<FieldViolation> violations) {

  static final int MAX_BATCH_LENGTH = 50;

  public FormRow {
    violations = Checks.copyOf(violations, "violations");
    if (resource == null && violations.isEmpty()) {
      throw new IllegalArgumentException("row " + rowNumber + " has neither a resource nor errors");
    }
    if (resource != null && !violations.isEmpty()) {
      throw new IllegalArgumentException("row " + rowNumber + " is invalid but has a resource");
    }
  }

  public boolean isValid() {
    return violations.isEmpty();
  }
}
