package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.dataapi.Condition.Literal;
import cn.govdata.catalog.dataapi.DataQuery.Ordering;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a data API request's query parameters into a {@link DataQuery}, in CKAN's {@code
 * datastore_search} style or in Socrata's SoQL style (any {@code $} parameter). Mixing the two is
 * refused, as are parameters of neither, so a misspelt filter never silently returns every row.
 */
final class QueryParameters {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CKAN =
      Set.of("filters", "q", "fields", "sort", "limit", "offset");
  private static final Set<String> SOQL =
      Set.of("$select", "$where", "$order", "$limit", "$offset");

  /** Parameters of the endpoint itself, not of the query. */
  private static final Set<String> ENDPOINT = Set.of("format");

  private final int defaultLimit;
  private final int maxLimit;

  QueryParameters(int defaultLimit, int maxLimit) {
    this.defaultLimit = defaultLimit;
    this.maxLimit = maxLimit;
  }

  record Parsed(DataQuery query, QueryStyle style) {}

  Parsed parse(Map<String, String> parameters) {
    boolean soql = parameters.keySet().stream().anyMatch(SOQL::contains);
    boolean ckan = parameters.keySet().stream().anyMatch(CKAN::contains);
    if (soql && ckan) {
      throw new InvalidFieldException(
          "$where",
          "query.mixed-styles",
          "use either CKAN parameters (filters, q, fields, sort, limit, offset) or SoQL ($select,"
              + " $where, $order, $limit, $offset), not both");
    }
    for (String name : parameters.keySet()) {
      if (!CKAN.contains(name) && !SOQL.contains(name) && !ENDPOINT.contains(name)) {
        throw new InvalidFieldException(
            name, "query.unknown-parameter", "unknown query parameter '" + name + "'");
      }
    }
    return soql ? soql(parameters) : ckan(parameters);
  }

  private Parsed soql(Map<String, String> parameters) {
    QueryStyle style = QueryStyle.SOQL;
    String select = parameters.get("$select");
    String where = parameters.get("$where");
    String order = parameters.get("$order");
    return new Parsed(
        new DataQuery(
            blank(select) ? List.of() : SoqlParser.select(select),
            blank(where) ? null : SoqlParser.where(where),
            blank(order) ? List.of() : SoqlParser.order(order),
            limit(parameters.get(style.limit), style.limit),
            offset(parameters.get(style.offset), style.offset)),
        style);
  }

  private Parsed ckan(Map<String, String> parameters) {
    QueryStyle style = QueryStyle.CKAN;
    List<Condition> conditions = new ArrayList<>();
    String filters = parameters.get("filters");
    if (!blank(filters)) {
      conditions.addAll(filters(filters));
    }
    String q = parameters.get("q");
    if (!blank(q)) {
      conditions.add(new Condition.Contains(q));
    }
    String fields = parameters.get("fields");
    String sort = parameters.get("sort");
    Condition where =
        conditions.isEmpty()
            ? null
            : conditions.size() == 1 ? conditions.get(0) : new Condition.And(conditions);
    return new Parsed(
        new DataQuery(
            blank(fields) ? List.of() : names(fields, "fields"),
            where,
            blank(sort) ? List.of() : sort(sort),
            limit(parameters.get(style.limit), style.limit),
            offset(parameters.get(style.offset), style.offset)),
        style);
  }

  /** {@code {"column": value}} (equality), {@code [values]} (any of), {@code null} (is null). */
  private static List<Condition> filters(String text) {
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidFieldException(
          "filters", "filters.json", "filters must be a JSON object: " + e.getOriginalMessage());
    }
    if (document == null || !document.isObject()) {
      throw new InvalidFieldException(
          "filters", "filters.json", "filters must be a JSON object of column: value");
    }
    List<Condition> conditions = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String column = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        conditions.add(new Condition.IsNull(column, false));
      } else if (value.isArray()) {
        List<Literal> values = new ArrayList<>();
        value.forEach(v -> values.add(literal(v, column)));
        if (values.isEmpty()) {
          throw new InvalidFieldException(
              "filters." + column, "filters.empty-list", "a filter list needs at least one value");
        }
        conditions.add(new Condition.In(column, values, false));
      } else {
        conditions.add(
            new Condition.Comparison(column, Condition.Operator.EQUAL, literal(value, column)));
      }
    }
    return conditions;
  }

  private static Literal literal(JsonNode value, String column) {
    if (value.isNumber()) {
      return new Condition.Number(value.decimalValue());
    }
    if (value.isTextual()) {
      return new Condition.Text(value.textValue());
    }
    if (value.isBoolean()) {
      return new Condition.Text(String.valueOf(value.booleanValue()));
    }
    throw new InvalidFieldException(
        "filters." + column,
        "filters.value",
        "a filter value is a string, a number, a list of them or null");
  }

  private static List<String> names(String text, String parameter) {
    List<String> names =
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (String name : names) {
      if (!DatasetTable.IDENTIFIER.matcher(name).matches()) {
        throw new InvalidFieldException(
            parameter, "column.unknown", "'" + name + "' is not a column name");
      }
    }
    return names;
  }

  /** CKAN's {@code sort}: {@code "column [asc|desc], ..."}. */
  private static List<Ordering> sort(String text) {
    List<Ordering> order = new ArrayList<>();
    for (String key : text.split(",")) {
      String[] parts = key.strip().split("\\s+");
      if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
        throw new InvalidFieldException("sort", "sort.syntax", "sort is 'column [asc|desc], ...'");
      }
      boolean descending = false;
      if (parts.length == 2) {
        String direction = parts[1].toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
          throw new InvalidFieldException(
              "sort", "sort.syntax", "sort direction is asc or desc, got '" + parts[1] + "'");
        }
        descending = direction.equals("desc");
      }
      order.add(new Ordering(names(parts[0], "sort").get(0), descending));
    }
    return order;
  }

  private int limit(String text, String parameter) {
    if (blank(text)) {
      return defaultLimit;
    }
    int limit = integer(text, parameter);
    if (limit < 1 || limit > maxLimit) {
      throw new InvalidFieldException(
          parameter, "limit.range", parameter + " must be between 1 and " + maxLimit);
    }
    return limit;
  }

  private static int offset(String text, String parameter) {
    if (blank(text)) {
      return 0;
    }
    int offset = integer(text, parameter);
    if (offset < 0) {
      throw new InvalidFieldException(
          parameter, "offset.range", parameter + " must not be negative");
    }
    return offset;
  }

  private static int integer(String text, String parameter) {
    try {
      return new BigDecimal(text.strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new InvalidFieldException(
          parameter, "integer", parameter + " must be a whole number, got '" + text + "'");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
