package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.dataapi.Condition.Comparison;
import cn.govdata.catalog.dataapi.Condition.In;
import cn.govdata.catalog.dataapi.Condition.IsNull;
import cn.govdata.catalog.dataapi.Condition.Like;
import cn.govdata.catalog.dataapi.Condition.Literal;
import cn.govdata.catalog.dataapi.Condition.Operator;
import cn.govdata.catalog.dataapi.DataQuery.Ordering;
import cn.govdata.governance.validation.InvalidFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small part of Socrata's SoQL the data API accepts, parsed here rather than handed to any SQL
 * engine: {@code $select} (column names), {@code $where} (comparisons, {@code AND}, {@code OR},
 * {@code NOT}, parentheses, {@code IN}, {@code LIKE}, {@code IS [NOT] NULL} on column names and
 * literal strings or numbers), {@code $order} (columns with {@code ASC}/{@code DESC}). No
 * functions, no expressions between columns: what is not in the grammar is a 400 naming the
 * parameter, the position and what was expected.
 *
 * <pre>
 *   where     = or
 *   or        = and { OR and }
 *   and       = unary { AND unary }
 *   unary     = NOT unary | "(" or ")" | predicate
 *   predicate = column ( op literal | [NOT] IN "(" literal { "," literal } ")"
 *                      | [NOT] LIKE string | IS [NOT] NULL )
 *   op        = "=" | "!=" | "<>" | "<" | "<=" | ">" | ">="
 *   literal   = string | number          string = "'" { char | "''" } "'"
 * </pre>
 */
final class SoqlParser {

  /** Longest {@code $where} accepted; a filter is not a program. */
  static final int MAX_WHERE_LENGTH = 4000;

  private static final int MAX_DEPTH = 20;

  private final String parameter;
  private final String text;
  private int position;
  private int depth;

  private SoqlParser(String parameter, String text) {
    this.parameter = parameter;
    this.text = text;
  }

  static Condition where(String text) {
    if (text.length() > MAX_WHERE_LENGTH) {
      throw new InvalidFieldException(
          "$where", "soql.too-long", "$where may have at most " + MAX_WHERE_LENGTH + " characters");
    }
    SoqlParser parser = new SoqlParser("$where", text);
    Condition condition = parser.or();
    parser.expectEnd();
    return condition;
  }

  static List<String> select(String text) {
    SoqlParser parser = new SoqlParser("$select", text);
    List<String> columns = new ArrayList<>();
    parser.skipSpace();
    if (parser.peek() == '*') {
      parser.position++;
      parser.expectEnd();
      return columns;
    }
    do {
      columns.add(parser.identifier());
    } while (parser.accept(","));
    parser.expectEnd();
    return columns;
  }

  static List<Ordering> order(String text) {
    SoqlParser parser = new SoqlParser("$order", text);
    List<Ordering> order = new ArrayList<>();
    do {
      String column = parser.identifier();
      boolean descending = false;
      if (parser.acceptKeyword("DESC")) {
        descending = true;
      } else {
        parser.acceptKeyword("ASC");
      }
      order.add(new Ordering(column, descending));
    } while (parser.accept(","));
    parser.expectEnd();
    return order;
  }

  private Condition or() {
    List<Condition> operands = new ArrayList<>(List.of(and()));
    while (acceptKeyword("OR")) {
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
  }

  private Condition and() {
    List<Condition> operands = new ArrayList<>(List.of(unary()));
    while (acceptKeyword("AND")) {
      operands.add(unary());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
  }

  private Condition unary() {
    if (++depth > MAX_DEPTH) {
      throw error("soql.too-deep", "nesting deeper than " + MAX_DEPTH + " levels");
    }
    try {
      if (acceptKeyword("NOT")) {
        return new Condition.Not(unary());
      }
      if (accept("(")) {
        Condition inner = or();
        expect(")");
        return inner;
      }
      return predicate();
    } finally {
      depth--;
    }
  }

  private Condition predicate() {
    String column = identifier();
    if (acceptKeyword("IS")) {
      boolean negated = acceptKeyword("NOT");
      expectKeyword("NULL");
      return new IsNull(column, negated);
    }
    boolean negated = acceptKeyword("NOT");
    if (acceptKeyword("IN")) {
      expect("(");
      List<Literal> values = new ArrayList<>();
      do {
        values.add(literal());
      } while (accept(","));
      expect(")");
      return new In(column, values, negated);
    }
    if (acceptKeyword("LIKE")) {
      return new Like(column, string(), negated);
    }
    if (negated) {
      throw error("soql.syntax", "IN or LIKE after NOT");
    }
    return new Comparison(column, operator(), literal());
  }

  private Operator operator() {
    skipSpace();
    for (String[] candidate :
        new String[][] {
          {"<=", "LESS_OR_EQUAL"},
          {">=", "GREATER_OR_EQUAL"},
          {"<>", "NOT_EQUAL"},
          {"!=", "NOT_EQUAL"},
          {"=", "EQUAL"},
          {"<", "LESS"},
          {">", "GREATER"}
        }) {
      if (text.startsWith(candidate[0], position)) {
        position += candidate[0].length();
        return Operator.valueOf(candidate[1]);
      }
    }
    throw error("soql.syntax", "a comparison (=, !=, <>, <, <=, >, >=), IN, LIKE or IS");
  }

  private Literal literal() {
    skipSpace();
    char c = peek();
    if (c == '\'') {
      return new Condition.Text(string());
    }
    int start = position;
    if (c == '-' || c == '+') {
      position++;
    }
    while (position < text.length()
        && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    String number = text.substring(start, position);
    try {
      return new Condition.Number(new BigDecimal(number));
    } catch (NumberFormatException e) {
      position = start;
      throw error("soql.syntax", "a quoted string or a number");
    }
  }

  private String string() {
    skipSpace();
    if (peek() != '\'') {
      throw error("soql.syntax", "a quoted string ('...')");
    }
    int start = position;
    StringBuilder value = new StringBuilder();
    position++;
    while (true) {
      if (position >= text.length()) {
        position = start;
        throw error("soql.syntax", "the end of the string that starts here");
      }
      char c = text.charAt(position++);
      if (c == '\'') {
        if (peek() == '\'') {
          value.append('\'');
          position++;
        } else {
          return value.toString();
        }
      } else {
        value.append(c);
      }
    }
  }

  private String identifier() {
    skipSpace();
    int start = position;
    if (position < text.length() && isIdentifierStart(text.charAt(position))) {
      position++;
      while (position < text.length() && isIdentifierPart(text.charAt(position))) {
        position++;
      }
    }
    if (position == start) {
      throw error("soql.syntax", "a column name");
    }
    return text.substring(start, position);
  }

  private boolean acceptKeyword(String keyword) {
    skipSpace();
    int end = position + keyword.length();
    if (end <= text.length()
        && text.substring(position, end).toUpperCase(Locale.ROOT).equals(keyword)
        && (end == text.length() || !isIdentifierPart(text.charAt(end)))) {
      position = end;
      return true;
    }
    return false;
  }

  private void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw error("soql.syntax", keyword);
    }
  }

  private boolean accept(String symbol) {
    skipSpace();
    if (text.startsWith(symbol, position)) {
      position += symbol.length();
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    if (!accept(symbol)) {
      throw error("soql.syntax", "'" + symbol + "'");
    }
  }

  private void expectEnd() {
    skipSpace();
    if (position < text.length()) {
      throw error("soql.syntax", "the end of " + parameter);
    }
  }

  private void skipSpace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  private InvalidFieldException error(String rule, String expected) {
    String found =
        position >= text.length()
            ? "the end"
            : "'" + text.substring(position, Math.min(text.length(), position + 20)) + "'";
    return new InvalidFieldException(
        parameter,
        rule,
        parameter
            + ": expected "
            + expected
            + " at position "
            + (position + 1)
            + ", found "
            + found);
  }
}
