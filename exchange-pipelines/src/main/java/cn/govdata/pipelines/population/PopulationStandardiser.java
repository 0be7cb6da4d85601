package cn.govdata.pipelines.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import cn.govdata.pipelines.cleanse.Addresses;
import cn.govdata.pipelines.cleanse.Cleaned;
import cn.govdata.pipelines.cleanse.Dates;
import cn.govdata.pipelines.cleanse.IdentityNumberCleaner;
import cn.govdata.pipelines.cleanse.PhoneNumbers;
import cn.govdata.pipelines.cleanse.Sexes;
import cn.govdata.pipelines.cleanse.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The standardised layer of the population database: every field of every source record in standard
 * form, with its status (VALID, REPAIRED, REJECTED, MISSING) and the rule behind a repair or
 * rejection, so the quality report can count them and the department can see why.
 */
public final class PopulationStandardiser {

  /** The standard fields of a person, in table order. */
  public static final List<String> FIELDS =
      List.of(
          "id_number",
          "name",
          "former_name",
          "sex",
          "birth_date",
          "ethnicity",
          "address",
          "phone",
          "marital_status");

  private static final StructType CLEANED =
      new StructType()
          .add("value", DataTypes.StringType)
          .add("status", DataTypes.StringType)
          .add("rule", DataTypes.StringType);

  private PopulationStandardiser() {}

  /**
   * Standardises the raw rows (standard column names, strings); fields a source does not have come
   * out as MISSING.
   */
  public static Dataset<Row> standardise(Dataset<Row> raw, LocalDate today) {
    Set<String> present = Set.of(raw.columns());
    List<Column> columns = new ArrayList<>();
    for (String meta : List.of("source", "record_id", "rejected")) {
      columns.add(col(meta));
    }
    columns.add(cleaner(Dates::standardise).apply(col("updated")).getField("value").as("updated"));
    for (String field : FIELDS) {
      Column input =
          present.contains(field)
              ? col(field)
              : org.apache.spark.sql.functions.lit(null).cast("string");
      columns.add(cleanerFor(field, today).apply(input).as(field + "_cleaned"));
      if (field.equals("address")) {
        columns.add(
            udf(
                    (UDF1<String, String>) raw1 -> Addresses.parse(raw1).divisionCode(),
                    DataTypes.StringType)
                .apply(input)
                .as("division_code"));
      }
    }
    Dataset<Row> cleaned = raw.select(columns.toArray(Column[]::new));
    List<Column> flat = new ArrayList<>();
    for (String meta : List.of("source", "record_id", "rejected", "updated", "division_code")) {
      flat.add(col(meta));
    }
    for (String field : FIELDS) {
      flat.add(col(field + "_cleaned.value").as(field));
      flat.add(col(field + "_cleaned.status").as(field + "_status"));
      flat.add(col(field + "_cleaned.rule").as(field + "_rule"));
    }
    flat.add(
        udf((UDF1<String, String>) Text::matchKey, DataTypes.StringType)
            .apply(col("name_cleaned.value"))
            .as("name_key"));
    UserDefinedFunction crossCheck =
        udf(
            (UDF3<String, String, String, String>)
                (id, birth, sex) ->
                    id == null
                        ? null
                        : emptyToNull(
                            String.join(",", IdentityNumberCleaner.crossCheck(id, birth, sex))),
            DataTypes.StringType);
    flat.add(
        crossCheck
            .apply(
                col("id_number_cleaned.value"),
                col("birth_date_cleaned.value"),
                col("sex_cleaned.value"))
            .as("cross_check"));
    return cleaned.select(flat.toArray(Column[]::new));
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static UserDefinedFunction cleanerFor(String field, LocalDate today) {
    return switch (field) {
      case "id_number" -> cleaner(raw -> IdentityNumberCleaner.standardise(raw, today));
      case "sex" -> cleaner(Sexes::standardise);
      case "birth_date" -> cleaner(Dates::standardise);
      case "address" -> cleaner(raw -> Addresses.parse(raw).cleaned());
      case "phone" -> cleaner(PhoneNumbers::standardise);
      case "name", "former_name" -> cleaner(PopulationStandardiser::name);
      default -> cleaner(PopulationStandardiser::text);
    };
  }

  /** Free text (names, ethnicity, marital status): layout only, script kept as sent. */
  static Cleaned text(String raw) {
    String cleaned = Text.clean(raw);
    if (cleaned == null) {
      return Cleaned.missing(raw);
    }
    return Cleaned.valid(cleaned, raw);
  }

  /**
   * Personal names: spaces between Chinese characters are layout (张 三 is 张三); a name with digits is
   * a value typed into the wrong column.
   */
  static Cleaned name(String raw) {
    String cleaned = Text.clean(raw);
    if (cleaned == null) {
      return Cleaned.missing(raw);
    }
    if (cleaned.chars().anyMatch(Character::isDigit)) {
      return Cleaned.rejected("name.contains-digits", raw);
    }
    return Cleaned.valid(cleaned.replaceAll("(?<=\\p{IsHan}) (?=\\p{IsHan})", ""), raw);
  }

  /** A serialisable cleaning function. */
  interface CleaningFunction extends java.io.Serializable {
    Cleaned apply(String raw);
  }

  private static UserDefinedFunction cleaner(CleaningFunction function) {
    return udf(
        (UDF1<String, Row>)
            raw -> {
              Cleaned cleaned = function.apply(raw);
              return RowFactory.create(cleaned.value(), cleaned.status().name(), cleaned.rule());
            },
        CLEANED);
  }
}
