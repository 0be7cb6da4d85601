package cn.govdata.governance.policy;

import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A published directory entry and the table that holds its data: the binding the policy compiler
 * needs to turn information items (信息项) into columns.
 *
 * @param resource the directory entry, with its code assigned
 * @param database the table's database (Iceberg namespace), e.g. {@code population}
 * @param table the table's name
 * @param columnsByItem for every information item, by item name, the column that holds it
 * @param regionColumn the column holding the GB/T 2260 code of each row's region, if rows can be
 *     filtered by region; {@code null} otherwise
 */
public record PublishedTable(
    InformationResource resource,
    String database,
    String table,
    Map<String, String> columnsByItem,
    String regionColumn) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public PublishedTable {
    Checks.required(resource, "resource");
    List<FieldViolation> violations = new ArrayList<>();
    if (resource.code() == null) {
      violations.add(
          new FieldViolation(
              "resource.code", "required", "only an entry with a resource code can be published"));
    }
    identifier(database, "database", violations);
    identifier(table, "table", violations);
    columnsByItem = columnsByItem == null ? Map.of() : new LinkedHashMap<>(columnsByItem);
    Set<String> columns = new HashSet<>();
    for (InformationItem item : resource.items()) {
      String column = columnsByItem.get(item.name());
      if (column == null) {
        violations.add(
            new FieldViolation(
                "columnsByItem",
                "binding.item-unbound",
                "information item '" + item.name() + "' is bound to no column"));
      } else if (identifier(column, "columnsByItem[" + item.name() + "]", violations)
          && !columns.add(column)) {
        violations.add(
            new FieldViolation(
                "columnsByItem[" + item.name() + "]",
                "binding.column-unique",
                "column '" + column + "' is bound to more than one item"));
      }
    }
    for (String itemName : columnsByItem.keySet()) {
      if (resource.items().stream().noneMatch(i -> i.name().equals(itemName))) {
        violations.add(
            new FieldViolation(
                "columnsByItem",
                "binding.unknown-item",
                "'" + itemName + "' is not an information item of the entry"));
      }
    }
    if (regionColumn != null && !columns.contains(regionColumn)) {
      violations.add(
          new FieldViolation(
              "regionColumn",
              "binding.region-column",
              "region column '" + regionColumn + "' is not one of the bound columns"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    columnsByItem = Map.copyOf(columnsByItem);
  }

  /** The column of an information item. */
  public String column(InformationItem item) {
    return columnsByItem.get(item.name());
  }

  private static boolean identifier(String value, String field, List<FieldViolation> violations) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      violations.add(
          new FieldViolation(
              field,
              "identifier",
              field
                  + " must be lower-case letters, digits and '_', starting with a letter, got '"
                  + value
                  + "'"));
      return false;
    }
    return true;
  }
}
