package cn.govdata.catalog.dataapi;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The gateway table that backs a directory entry, and which column holds which information item
 * (信息项).
 *
 * @param entryId the directory entry
 * @param database the gateway database (namespace), e.g. {@code population}
 * @param table the table in it, e.g. {@code person}
 * @param columns information item name → column name, in the order the API lists the fields
 * @param regionColumn the column holding each row's GB/T 2260 region code, which the gateway's
 *     region row filter uses; {@code null} when rows belong to no region
 */
public record DatasetTable(
    long entryId, String database, String table, Map<String, String> columns, String regionColumn) {

  /**
   * Plain lower-case SQL identifiers only, as the policy compiler's tables have them; the names are
   * checked again before any SQL is written.
   */
  static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

  public DatasetTable {
    requireIdentifier(database, "database");
    requireIdentifier(table, "table");
    Objects.requireNonNull(columns, "columns");
    if (columns.isEmpty()) {
      throw new InvalidFieldException(
          "columns", "columns.required", "map at least one information item to a column");
    }
    for (Map.Entry<String, String> column : columns.entrySet()) {
      requireIdentifier(column.getValue(), "columns." + column.getKey());
    }
    if (columns.values().stream().distinct().count() != columns.size()) {
      throw new InvalidFieldException(
          "columns", "columns.duplicate", "two information items map to the same column");
    }
    if (regionColumn != null && !columns.containsValue(regionColumn)) {
      throw new InvalidFieldException(
          "regionColumn", "column.unknown", "the region column must be one of the mapped columns");
    }
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** {@code `database`.`table`}: both names match {@link #IDENTIFIER}, so quoting is safe. */
  String qualifiedName() {
    return "`" + database + "`.`" + table + "`";
  }

  List<String> columnNames() {
    return List.copyOf(columns.values());
  }

  private static void requireIdentifier(String name, String field) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new InvalidFieldException(
          field,
          "identifier",
          field + " must be a plain name (a-z, 0-9, _; not starting with a digit)");
    }
  }
}
