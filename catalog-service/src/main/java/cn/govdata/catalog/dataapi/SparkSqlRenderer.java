package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.dataapi.Condition.And;
import cn.govdata.catalog.dataapi.Condition.Comparison;
import cn.govdata.catalog.dataapi.Condition.Contains;
import cn.govdata.catalog.dataapi.Condition.In;
import cn.govdata.catalog.dataapi.Condition.IsNull;
import cn.govdata.catalog.dataapi.Condition.Like;
import cn.govdata.catalog.dataapi.Condition.Literal;
import cn.govdata.catalog.dataapi.Condition.Not;
import cn.govdata.catalog.dataapi.Condition.Number;
import cn.govdata.catalog.dataapi.Condition.Or;
import cn.govdata.catalog.dataapi.Condition.Text;
import cn.govdata.catalog.dataapi.DataQuery.Ordering;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a {@link DataQuery} as one Spark SQL statement for the gateway. Nothing the caller sent
 * reaches the text unchecked: column names must be the dataset's own columns (and are then quoted
 * with backticks), values are written as literals with every backslash and quote escaped for
 * Spark's string syntax, numbers are re-printed from their parsed value.
 *
 * <p>Values are literals rather than {@code ?} parameters because Hive JDBC 2.3's prepared
 * statement substitutes parameters on the client and escapes only quotes, so a value ending in a
 * backslash would close the string early; the escaping here covers both characters.
 */
final class SparkSqlRenderer {

  private final DatasetTable table;
  private final Set<String> columns;
  private final Set<String> textColumns;

  /**
   * @param textColumns the columns CKAN's {@code q} searches: text-typed information items
   */
  SparkSqlRenderer(DatasetTable table, Set<String> textColumns) {
    this.table = table;
    this.columns = Set.copyOf(table.columns().values());
    this.textColumns = Set.copyOf(textColumns);
  }

  /** The statement; it asks for one row more than the limit, to tell whether a next page exists. */
  String render(DataQuery query, QueryStyle style) {
    List<String> selected = query.columns().isEmpty() ? table.columnNames() : query.columns();
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(
        selected.stream().map(c -> column(c, style.select)).collect(Collectors.joining(", ")));
    sql.append(" FROM ").append(table.qualifiedName());
    if (query.where() != null) {
      sql.append(" WHERE ").append(condition(query.where(), style.where));
    }
    if (!query.order().isEmpty()) {
      sql.append(" ORDER BY ");
      sql.append(
          query.order().stream()
              .map(o -> ordering(o, style.order))
              .collect(Collectors.joining(", ")));
    }
    sql.append(" LIMIT ").append(query.limit() + 1L);
    if (query.offset() > 0) {
      sql.append(" OFFSET ").append(query.offset());
    }
    return sql.toString();
  }

  List<String> selectedColumns(DataQuery query) {
    return query.columns().isEmpty() ? table.columnNames() : query.columns();
  }

  private String ordering(Ordering ordering, String field) {
    return column(ordering.column(), field) + (ordering.descending() ? " DESC" : " ASC");
  }

  private String condition(Condition condition, String field) {
    if (condition instanceof Comparison c) {
      return column(c.column(), field) + " " + c.operator().sql + " " + literal(c.value());
    }
    if (condition instanceof In in) {
      return column(in.column(), field)
          + (in.negated() ? " NOT IN (" : " IN (")
          + in.values().stream().map(SparkSqlRenderer::literal).collect(Collectors.joining(", "))
          + ")";
    }
    if (condition instanceof Like like) {
      return column(like.column(), field)
          + (like.negated() ? " NOT LIKE " : " LIKE ")
          + quote(like.pattern());
    }
    if (condition instanceof IsNull isNull) {
      return column(isNull.column(), field) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
    }
    if (condition instanceof Contains contains) {
      return contains(contains.text());
    }
    if (condition instanceof And and) {
      return join(and.operands(), " AND ", field);
    }
    if (condition instanceof Or or) {
      return join(or.operands(), " OR ", field);
    }
    Not not = (Not) condition;
    return "NOT (" + condition(not.operand(), field) + ")";
  }

  private String join(List<Condition> operands, String operator, String field) {
    return operands.stream()
        .map(o -> "(" + condition(o, field) + ")")
        .collect(Collectors.joining(operator, "(", ")"));
  }

  /** Full text in CKAN's sense, made literal: the caller's % and _ match only themselves. */
  private String contains(String text) {
    if (textColumns.isEmpty()) {
      return "FALSE";
    }
    String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return textColumns.stream()
        .sorted()
        .map(c -> "`" + c + "` LIKE " + quote(pattern))
        .collect(Collectors.joining(" OR ", "(", ")"));
  }

  private String column(String name, String field) {
    if (!columns.contains(name)) {
      throw new InvalidFieldException(
          field,
          "column.unknown",
          "the dataset has no column '"
              + name
              + "'; its columns are "
              + String.join(", ", table.columnNames()));
    }
    // a known column matches DatasetTable.IDENTIFIER, so it holds no backtick
    return "`" + name + "`";
  }

  static String literal(Literal literal) {
    if (literal instanceof Number number) {
      return number.value().toPlainString();
    }
    return quote(((Text) literal).value());
  }

  /**
   * A Spark SQL string literal. Spark reads backslash escapes in strings, so the backslash is
   * escaped first, then the quote; control characters are written as escapes so the statement stays
   * one line in logs and audit.
   */
  static String quote(String value) {
    StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> literal.append("\\\\");
        case '\'' -> literal.append("\\'");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        case '\0' -> literal.append("\\0");
        default -> literal.append(c);
      }
    }
    return literal.append('\'').toString();
  }
}
