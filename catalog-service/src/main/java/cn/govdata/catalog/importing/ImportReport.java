package cn.govdata.catalog.importing;

import cn.govdata.governance.validation.FieldViolation;
import java.util.List;

/**
 * What an import did, row by row.
 *
 * @param stored whether the entries were stored; a file with any error stores nothing
 * @param message the outcome in one sentence
 * @param rows one line per data row of the file
 * @param fileErrors problems of the file as a whole
 */
public record ImportReport(
    boolean stored, String message, List<RowReport> rows, List<FieldViolation> fileErrors) {

  /**
   * @param row the row number as the spreadsheet shows it
   * @param entryId the stored entry, when stored
   * @param code the assigned resource code, when stored
   * @param violations the row's broken rules
   */
  public record RowReport(int row, Long entryId, String code, List<FieldViolation> violations) {}

  public long errorCount() {
    return rows.stream().filter(r -> !r.violations().isEmpty()).count();
  }
}
