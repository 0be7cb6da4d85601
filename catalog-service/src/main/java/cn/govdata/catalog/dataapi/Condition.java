package cn.govdata.catalog.dataapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A row filter of the data API, parsed from Socrata's {@code $where} or CKAN's {@code filters} and
 * {@code q}. It only names columns and holds literal values; {@link SparkSqlRenderer} checks the
 * columns against the dataset and writes the values as escaped literals.
 */
sealed interface Condition {

  /** A literal value: text or a number. */
  sealed interface Literal {}

  record Text(String value) implements Literal {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  record Number(BigDecimal value) implements Literal {
    public Number {
      Objects.requireNonNull(value, "value");
    }
  }

  enum Operator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    final String sql;

    Operator(String sql) {
      this.sql = sql;
    }
  }

  record Comparison(String column, Operator operator, Literal value) implements Condition {
    public Comparison {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }
  }

  record In(String column, List<Literal> values, boolean negated) implements Condition {
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN needs at least one value");
      }
    }
  }

  /** {@code column LIKE pattern}: {@code %} and {@code _} are the caller's wildcards. */
  record Like(String column, String pattern, boolean negated) implements Condition {
    public Like {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  record IsNull(String column, boolean negated) implements Condition {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }
  }

  /**
   * CKAN's {@code q}: the text appears in one of the text columns. The text is matched literally,
   * its wildcard characters included.
   */
  record Contains(String text) implements Condition {
    public Contains {
      Objects.requireNonNull(text, "text");
    }
  }

  record And(List<Condition> operands) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }
  }

  record Or(List<Condition> operands) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  record Not(Condition operand) implements Condition {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }
}
