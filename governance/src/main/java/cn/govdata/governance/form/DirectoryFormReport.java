package cn.govdata.governance.form;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import java.util.List;

/**
 * The outcome of reading a directory form: every data row with its violations, and the problems of
 * the file as a whole that still let its rows be read (no data rows, a resource code given twice).
 * An import stores nothing unless {@link #hasErrors()} is false.
 *
 * @param rows the data rows in file order
 * @param fileErrors problems that concern the file, not one row
 * @param encoding the character encoding detected for a CSV file ({@code UTF-8}, {@code UTF-8 with
 *     BOM} or {@code GBK}); {@code null} for xlsx
 * @param ignoredColumns headers the form does not know, whose cells were not read
 */
public record DirectoryFormReport(
    List<FormRow> rows,
    List<FieldViolation> fileErrors,
    String encoding,
    List<String> ignoredColumns) {

  public DirectoryFormReport {
    rows = Checks.copyOf(rows, "rows");
    fileErrors = Checks.copyOf(fileErrors, "fileErrors");
    ignoredColumns = Checks.copyOf(ignoredColumns, "ignoredColumns");
  }

  public boolean hasErrors() {
    return !fileErrors.isEmpty() || rows.stream().anyMatch(row -> !row.isValid());
  }

  public int validCount() {
    return (int) rows.stream().filter(FormRow::isValid).count();
  }

  public int errorCount() {
    return rows.size() - validCount();
  }
}
