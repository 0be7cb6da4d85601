package cn.govdata.pipelines;

import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.policy.PublishedTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Compares a table the pipelines wrote with its directory description ({@code governance}'s {@code
 * BaseDatabaseTables}): the policies the gateway enforces are compiled from the description, so a
 * column the description lacks is denied to everyone and a described column the table lacks binds
 * nothing.
 */
public final class DescribedSchemas {

  private DescribedSchemas() {}

  /** What differs between {@code actual} and {@code described}; empty when they agree. */
  public static List<String> drift(StructType actual, PublishedTable described) {
    String table = described.database() + "." + described.table();
    Map<String, StructField> columns = new HashMap<>();
    for (StructField field : actual.fields()) {
      columns.put(field.name(), field);
    }
    List<String> drift = new ArrayList<>();
    for (InformationItem item : described.resource().items()) {
      String column = described.column(item);
      StructField field = columns.remove(column);
      if (field == null) {
        drift.add(table + ": described column " + column + " (" + item.name() + ") is missing");
      } else if (!compatible(item.dataType(), field.dataType())) {
        drift.add(
            table
                + ": column "
                + column
                + " is "
                + field.dataType().simpleString()
                + ", described as "
                + item.dataType().chinese()
                + " ("
                + item.dataType()
                + ")");
      }
    }
    columns.keySet().stream()
        .sorted()
        .forEach(column -> drift.add(table + ": column " + column + " is not described"));
    return drift;
  }

  /**
   * Whether a Spark type holds a directory data type: text as strings (备注型 also as the pipelines'
   * map and list columns, which leave the platform as text), numbers as any numeric type, currency
   * as decimals, the others as their own type.
   */
  static boolean compatible(DataType described, org.apache.spark.sql.types.DataType actual) {
    return switch (described) {
      case STRING -> actual instanceof StringType;
      case TEXT ->
          actual instanceof StringType || actual instanceof MapType || actual instanceof ArrayType;
      case NUMBER -> actual instanceof NumericType;
      case CURRENCY -> actual instanceof DecimalType;
      case DATE -> actual instanceof DateType;
      case DATETIME -> actual instanceof TimestampType;
      case BOOLEAN -> actual instanceof BooleanType;
      case BINARY -> actual instanceof BinaryType;
    };
  }
}
