package cn.govdata.pipelines.population;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import cn.govdata.pipelines.cleanse.Text;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Golden records (标准人口信息) and conflict reports. Per attribute the surviving value is the best by
 * validity (valid before repaired), then the source's priority for that attribute, then recency;
 * each attribute keeps its provenance (source and record). Birth date and sex come from a valid
 * identity number when the person has one: the number is the more reliable witness.
 */
public final class Survivorship {

  private Survivorship() {}

  /**
   * {@code linked}: standardised usable rows with {@code person_id} and {@code priority_<field>}
   * columns. Returns one row per person.
   */
  public static Dataset<Row> golden(Dataset<Row> linked) {
    List<Column> aggregates = new ArrayList<>();
    for (String field : PopulationStandardiser.FIELDS) {
      aggregates.add(min(candidate(field)).as("best_" + field));
    }
    aggregates.add(count(lit(1)).as("record_count"));
    aggregates.add(collect_set(col("source")).as("sources"));
    Dataset<Row> best =
        linked
            .groupBy("person_id")
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));

    Column id = col("best_id_number.value");
    Column idBirth =
        concat(substring(id, 7, 4), lit("-"), substring(id, 11, 2), lit("-"), substring(id, 13, 2));
    Column idSex =
        when(substring(id, 17, 1).cast("int").mod(2).equalTo(1), lit("M")).otherwise(lit("F"));

    List<Column> columns = new ArrayList<>();
    columns.add(col("person_id"));
    List<Column> provenance = new ArrayList<>();
    for (String field : PopulationStandardiser.FIELDS) {
      Column value = col("best_" + field + ".value");
      Column origin =
          concat(col("best_" + field + ".source"), lit(":"), col("best_" + field + ".record_id"));
      if (field.equals("birth_date") || field.equals("sex")) {
        Column derived = field.equals("birth_date") ? idBirth : idSex;
        value = when(id.isNotNull(), derived).otherwise(value);
        origin =
            when(id.isNotNull(), concat(lit("id_number@"), col("best_id_number.source")))
                .otherwise(origin);
      }
      columns.add(value.as(field));
      provenance.add(lit(field));
      provenance.add(origin);
    }
    columns.add(col("best_address.division").as("division_code"));
    columns.add(map(provenance.toArray(Column[]::new)).as("provenance"));
    columns.add(col("record_count"));
    columns.add(col("sources"));
    return best.select(columns.toArray(Column[]::new));
  }

  /** The ordering struct of one source value: lower is better; null when there is no value. */
  private static Column candidate(String field) {
    Column statusRank = when(col(field + "_status").equalTo("VALID"), lit(0)).otherwise(lit(1));
    Column staleness =
        when(col("updated").isNull(), lit(Integer.MAX_VALUE))
            .otherwise(datediff(lit("2100-01-01"), to_date(col("updated"))));
    List<Column> parts =
        new ArrayList<>(
            List.of(
                statusRank.as("validity"),
                col("priority_" + field).as("priority"),
                staleness.as("staleness"),
                col(field).as("value"),
                col("source"),
                col("record_id")));
    if (field.equals("address")) {
      parts.add(col("division_code").as("division"));
    }
    return when(col(field).isNotNull(), struct(parts.toArray(Column[]::new)));
  }

  /**
   * One row per (record, field) where a department's usable value disagrees with the golden record:
   * person_id, source, record_id, field, value, golden_value, golden_source.
   */
  public static Dataset<Row> conflicts(Dataset<Row> linked, Dataset<Row> golden) {
    UserDefinedFunction key = udf((UDF1<String, String>) Text::matchKey, DataTypes.StringType);
    Dataset<Row> joined =
        linked.alias("r").join(golden.alias("g"), col("r.person_id").equalTo(col("g.person_id")));
    List<Column> differences = new ArrayList<>();
    for (String field : PopulationStandardiser.FIELDS) {
      Column mine = col("r." + field);
      Column theirs = col("g." + field);
      Column differs =
          field.equals("name") || field.equals("former_name")
              ? key.apply(mine).notEqual(key.apply(theirs))
              : mine.notEqual(theirs);
      differences.add(
          when(
              mine.isNotNull().and(theirs.isNotNull()).and(differs),
              struct(
                  lit(field).as("field"),
                  mine.as("value"),
                  theirs.as("golden_value"),
                  col("g.provenance").getItem(field).as("golden_source"))));
    }
    return joined
        .select(
            col("r.person_id").as("person_id"),
            col("r.source").as("source"),
            col("r.record_id").as("record_id"),
            explode(array(differences.toArray(Column[]::new))).as("conflict"))
        .filter(col("conflict").isNotNull())
        .select(
            col("person_id"),
            col("source"),
            col("record_id"),
            col("conflict.field").as("field"),
            col("conflict.value").as("value"),
            col("conflict.golden_value").as("golden_value"),
            col("conflict.golden_source").as("golden_source"));
  }
}
