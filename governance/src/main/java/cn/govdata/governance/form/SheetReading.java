package cn.govdata.governance.form;

import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.validation.FieldViolation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Receives the rows of a sheet one by one, whatever the file format: finds the header row, checks
 * the columns and the limits, and parses each data row. Reading stops with a {@link FormException}
 * as soon as the file is found unusable, so a huge file is not read to its end.
 */
final class SheetReading {

  /** Hand-made templates put a title and notes above the header; look this far for it. */
  static final int HEADER_SEARCH_ROWS = 10;

  /** Excel's own limit for a cell; anything longer did not come from a spreadsheet. */
  static final int MAX_CELL_CHARACTERS = 32_767;

  private final FormLimits limits;
  private final RowParser parser;
  private final boolean strictWidth;
  private final List<FormRow> rows = new ArrayList<>();
  private final List<String> ignoredColumns = new ArrayList<>();
  private List<Optional<FormColumn>> header;
  private int headerWidth;
  private int rowsBeforeHeader;

  /**
   * @param strictWidth whether every row must have as many cells as the header (CSV, where a
   *     missing or extra separator shifts every later value into the wrong column)
   */
  SheetReading(FormLimits limits, DirectoryRules rules, boolean strictWidth) {
    this.limits = limits;
    this.parser = new RowParser(rules);
    this.strictWidth = strictWidth;
  }

  void row(int rowNumber, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (cell != null && cell.length() > MAX_CELL_CHARACTERS) {
        throw new FormException(
            "form.cell-too-long",
            "row "
                + rowNumber
                + ", column "
                + (i + 1)
                + " has "
                + cell.length()
                + " characters; a cell holds at most "
                + MAX_CELL_CHARACTERS);
      }
    }
    boolean blank = cells.stream().allMatch(c -> c == null || c.isBlank());
    if (header == null) {
      if (!blank) {
        findHeader(rowNumber, cells);
      }
      return;
    }
    if (blank) {
      return;
    }
    if (strictWidth && cells.size() != headerWidth) {
      throw new FormException(
          "form.ragged-row",
          "row "
              + rowNumber
              + " has "
              + cells.size()
              + " fields but the header has "
              + headerWidth
              + "; check for a missing or extra separator or an unclosed quote");
    }
    if (rows.size() >= limits.maxRows()) {
      throw new FormException(
          "form.too-many-rows",
          "the form has more than " + limits.maxRows() + " data rows; split it into several files");
    }
    Map<FormColumn, String> values = new EnumMap<>(FormColumn.class);
    for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
      int index = i;
      header.get(i).ifPresent(column -> values.put(column, cells.get(index)));
    }
    rows.add(parser.parse(rowNumber, values));
  }

  boolean headerFound() {
    return header != null;
  }

  DirectoryFormReport finish(String encoding) {
    if (header == null) {
      throw noHeader();
    }
    List<FieldViolation> fileErrors = new ArrayList<>();
    if (rows.isEmpty()) {
      fileErrors.add(
          new FieldViolation("form", "form.no-rows", "the form has a header but no data rows"));
    }
    return new DirectoryFormReport(markDuplicateCodes(), fileErrors, encoding, ignoredColumns);
  }

  private static FormException noHeader() {
    return new FormException(
        "form.header-missing",
        "no header row found: the form is empty or none of its first "
            + HEADER_SEARCH_ROWS
            + " rows has the directory form's column headers, such as "
            + FormColumn.NAME.label());
  }

  private void findHeader(int rowNumber, List<String> cells) {
    List<Optional<FormColumn>> columns = cells.stream().map(FormColumn::forHeader).toList();
    // A header is recognised by its known columns, so that one missing column is reported by name.
    long known = columns.stream().filter(Optional::isPresent).count();
    if (known < 3 && !columns.contains(Optional.of(FormColumn.NAME))) {
      if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) {
        throw noHeader();
      }
      return;
    }
    Set<FormColumn> seen = new LinkedHashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      Optional<FormColumn> column = columns.get(i);
      if (column.isPresent() && !seen.add(column.get())) {
        throw new FormException(
            "form.duplicate-header",
            "the header in row "
                + rowNumber
                + " has the column "
                + column.get().label()
                + " twice");
      }
      if (column.isEmpty() && cells.get(i) != null && !cells.get(i).isBlank()) {
        ignoredColumns.add(cells.get(i).strip());
      }
    }
    List<String> missing = new ArrayList<>();
    for (FormColumn column : FormColumn.values()) {
      if (column.required() && !seen.contains(column)) {
        missing.add(column.label());
      }
    }
    if (!missing.isEmpty()) {
      throw new FormException(
          "form.header-missing",
          "the header in row "
              + rowNumber
              + " lacks the required column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing));
    }
    header = columns;
    headerWidth = cells.size();
  }

  /** A resource code names one entry: a second row with the same code is an error of that row. */
  private List<FormRow> markDuplicateCodes() {
    Map<String, Integer> firstRow = new HashMap<>();
    List<FormRow> checked = new ArrayList<>();
    for (FormRow row : rows) {
      if (row.resource() == null || row.resource().code() == null) {
        checked.add(row);
        continue;
      }
      String code = row.resource().code().toString();
      Integer earlier = firstRow.putIfAbsent(code, row.rowNumber());
      if (earlier == null) {
        checked.add(row);
      } else {
        checked.add(
            new FormRow(
                row.rowNumber(),
                null,
                row.status(),
                row.batch(),
                List.of(
                    new FieldViolation(
                        FormColumn.CODE.label(),
                        "code.duplicate",
                        FormColumn.CODE.label()
                            + ": resource code "
                            + code
                            + " is already used in row "
                            + earlier))));
      }
    }
    return checked;
  }
}
