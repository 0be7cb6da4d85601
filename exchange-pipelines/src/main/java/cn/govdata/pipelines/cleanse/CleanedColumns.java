package cn.govdata.pipelines.cleanse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The cleaning functions as Spark columns: a field cleaned into a struct (value, status, rule),
 * then flattened into {@code <field>}, {@code <field>_status} and {@code <field>_rule}, the shape
 * of every standardised layer and what the quality report counts.
 */
public final class CleanedColumns {

  /** A serialisable cleaning function. */
  @FunctionalInterface
  public interface CleaningFunction extends Serializable {
    Cleaned apply(String raw);
  }

  private static final StructType CLEANED =
      new StructType()
          .add("value", DataTypes.StringType)
          .add("status", DataTypes.StringType)
          .add("rule", DataTypes.StringType);

  private CleanedColumns() {}

  /** The function as a UDF returning the struct (value, status, rule). */
  public static UserDefinedFunction cleaner(CleaningFunction function) {
    return udf(
        (UDF1<String, Row>)
            raw -> {
              Cleaned cleaned = function.apply(raw);
              return RowFactory.create(cleaned.value(), cleaned.status().name(), cleaned.rule());
            },
        CLEANED);
  }

  /**
   * The standardised layer's common part: source, record_id, rejected, {@code updated} as an ISO
   * date, {@code division_code} of the address, and per field its value, {@code _status} and {@code
   * _rule}. A field the raw rows lack comes out MISSING.
   *
   * @param raw rows with standard column names, all strings
   * @param fields the standard fields, in table order
   * @param readFrom per field read from another raw column (the organisation code from the credit
   *     code column); other fields are read from their own column
   * @param cleanerFor the cleaning UDF of each field (see {@link #cleaner})
   */
  public static Dataset<Row> standardise(
      Dataset<Row> raw,
      List<String> fields,
      Map<String, String> readFrom,
      Function<String, UserDefinedFunction> cleanerFor) {
    Set<String> present = Set.of(raw.columns());
    List<Column> columns = new ArrayList<>();
    for (String meta : List.of("source", "record_id", "rejected")) {
      columns.add(col(meta));
    }
    columns.add(cleaner(Dates::standardise).apply(col("updated")).getField("value").as("updated"));
    for (String field : fields) {
      String from = readFrom.getOrDefault(field, field);
      Column input = present.contains(from) ? col(from) : lit(null).cast("string");
      columns.add(cleanerFor.apply(field).apply(input).as(field + "_cleaned"));
      if (field.equals("address")) {
        columns.add(
            udf(
                    (UDF1<String, String>) address -> Addresses.parse(address).divisionCode(),
                    DataTypes.StringType)
                .apply(input)
                .as("division_code"));
      }
    }
    List<Column> flat = new ArrayList<>();
    for (String meta : List.of("source", "record_id", "rejected", "updated", "division_code")) {
      flat.add(col(meta));
    }
    for (String field : fields) {
      flat.add(col(field + "_cleaned.value").as(field));
      flat.add(col(field + "_cleaned.status").as(field + "_status"));
      flat.add(col(field + "_cleaned.rule").as(field + "_rule"));
    }
    return raw.select(columns.toArray(Column[]::new)).select(flat.toArray(Column[]::new));
  }
}
