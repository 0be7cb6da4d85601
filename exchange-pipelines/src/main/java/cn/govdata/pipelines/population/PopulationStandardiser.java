package cn.govdata.pipelines.population;

import static cn.govdata.pipelines.cleanse.CleanedColumns.cleaner;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import cn.govdata.pipelines.cleanse.Addresses;
import cn.govdata.pipelines.cleanse.CleanedColumns;
import cn.govdata.pipelines.cleanse.Dates;
import cn.govdata.pipelines.cleanse.IdentityNumberCleaner;
import cn.govdata.pipelines.cleanse.PersonNames;
import cn.govdata.pipelines.cleanse.PhoneNumbers;
import cn.govdata.pipelines.cleanse.Sexes;
import cn.govdata.pipelines.cleanse.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

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

  private PopulationStandardiser() {}

  /**
   * Standardises the raw rows (standard column names, strings); fields a source does not have come
   * out as MISSING.
   */
  public static Dataset<Row> standardise(Dataset<Row> raw, LocalDate today) {
    Dataset<Row> cleaned =
        CleanedColumns.standardise(raw, FIELDS, Map.of(), field -> cleanerFor(field, today));
    UserDefinedFunction crossCheck =
        udf(
            (UDF3<String, String, String, String>)
                (id, birth, sex) ->
                    id == null
                        ? null
                        : emptyToNull(
                            String.join(",", IdentityNumberCleaner.crossCheck(id, birth, sex))),
            DataTypes.StringType);
    return cleaned
        .withColumn(
            "name_key",
            udf((UDF1<String, String>) Text::matchKey, DataTypes.StringType).apply(col("name")))
        .withColumn(
            "cross_check", crossCheck.apply(col("id_number"), col("birth_date"), col("sex")));
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
      case "name", "former_name" -> cleaner(PersonNames::standardise);
      default -> cleaner(Text::standardise);
    };
  }
}
