package cn.govdata.pipelines.golden;

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
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import cn.govdata.pipelines.ingest.SourceMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * Golden records and conflict reports of any base database. Per attribute the surviving value is
 * the best by validity (valid before repaired), then the source's priority for that attribute, then
 * recency; each attribute keeps its provenance ({@code source:record_id}).
 */
public final class Survivorship {

  /**
   * How a base database builds its golden records.
   *
   * @param entity the column holding the entity id (person_id, entity_id)
   * @param fields the standard fields, in table order
   * @param carried per field, a column kept with its surviving value (the address's division code)
   *     as {@code best_<field>.<column>}
   * @param derived per field, a value and provenance that replace the surviving ones (a birth date
   *     read from the identity number); built from {@link #best(String)} and {@link
   *     #origin(String)}
   * @param extra columns added after the fields, built from the same
   * @param comparisonKeys per field, the key two values are compared by in conflict reports (a name
   *     in traditional script is no conflict); other fields compare as they are
   */
  public record Spec(
      String entity,
      List<String> fields,
      Map<String, String> carried,
      Map<String, Attribute> derived,
      List<Column> extra,
      Map<String, UserDefinedFunction> comparisonKeys) {
    public Spec {
      Objects.requireNonNull(entity, "entity");
      fields = List.copyOf(fields);
      carried = Map.copyOf(carried);
      derived = Map.copyOf(derived);
      extra = List.copyOf(extra);
      comparisonKeys = Map.copyOf(comparisonKeys);
    }
  }

  /** A golden attribute's value and its provenance. */
  public record Attribute(Column value, Column origin) {}

  private Survivorship() {}

  /** The surviving candidate of a field: value, source, record_id and the carried column. */
  public static Column best(String field) {
    return col("best_" + field);
  }

  /** {@code source:record_id} of the surviving value of a field. */
  public static Column origin(String field) {
    return concat(best(field).getField("source"), lit(":"), best(field).getField("record_id"));
  }

  /** {@code priority_<field>}: each source's survivorship rank for each field. */
  public static Dataset<Row> withPriorities(
      Dataset<Row> standardised, List<String> fields, List<SourceMapping> mappings) {
    Dataset<Row> result = standardised;
    for (String field : fields) {
      Column priority = lit(Integer.MAX_VALUE);
      for (int i = mappings.size() - 1; i >= 0; i--) {
        SourceMapping mapping = mappings.get(i);
        priority =
            when(col("source").equalTo(mapping.source()), lit(mapping.priorityOf(field)))
                .otherwise(priority);
      }
      result = result.withColumn("priority_" + field, priority);
    }
    return result;
  }

  /**
   * {@code linked}: standardised usable rows with the entity column, {@code updated} and {@code
   * priority_<field>} columns. Returns one row per entity: the entity id, the fields, the extra
   * columns, {@code provenance} (field → origin), {@code record_count} and {@code sources}.
   */
  public static Dataset<Row> golden(Dataset<Row> linked, Spec spec) {
    List<Column> aggregates = new ArrayList<>();
    for (String field : spec.fields()) {
      aggregates.add(min(candidate(field, spec.carried().get(field))).as("best_" + field));
    }
    aggregates.add(count(lit(1)).as("record_count"));
    aggregates.add(collect_set(col("source")).as("sources"));
    Dataset<Row> best =
        linked
            .groupBy(spec.entity())
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));

    List<Column> columns = new ArrayList<>();
    columns.add(col(spec.entity()));
    List<Column> provenance = new ArrayList<>();
    for (String field : spec.fields()) {
      Attribute attribute =
          spec.derived()
              .getOrDefault(field, new Attribute(best(field).getField("value"), origin(field)));
      columns.add(attribute.value().as(field));
      provenance.add(lit(field));
      provenance.add(attribute.origin());
    }
    columns.addAll(spec.extra());
    columns.add(map(provenance.toArray(Column[]::new)).as("provenance"));
    columns.add(col("record_count"));
    columns.add(col("sources"));
    return best.select(columns.toArray(Column[]::new));
  }

  /** The ordering struct of one source value: lower is better; null when there is no value. */
  private static Column candidate(String field, String carried) {
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
    if (carried != null) {
      parts.add(col(carried).as(carried));
    }
    return when(col(field).isNotNull(), struct(parts.toArray(Column[]::new)));
  }

  /**
   * One row per (record, field) where a department's usable value disagrees with the golden record:
   * entity, source, record_id, field, value, golden_value, golden_source.
   */
  public static Dataset<Row> conflicts(Dataset<Row> linked, Dataset<Row> golden, Spec spec) {
    String entity = spec.entity();
    Dataset<Row> joined =
        linked.alias("r").join(golden.alias("g"), col("r." + entity).equalTo(col("g." + entity)));
    List<Column> differences = new ArrayList<>();
    for (String field : spec.fields()) {
      Column mine = col("r." + field);
      Column theirs = col("g." + field);
      UserDefinedFunction key = spec.comparisonKeys().get(field);
      Column differs =
          key == null ? mine.notEqual(theirs) : key.apply(mine).notEqual(key.apply(theirs));
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
            col("r." + entity).as(entity),
            col("r.source").as("source"),
            col("r.record_id").as("record_id"),
            explode(array(differences.toArray(Column[]::new))).as("conflict"))
        .filter(col("conflict").isNotNull())
        .select(
            col(entity),
            col("source"),
            col("record_id"),
            col("conflict.field").as("field"),
            col("conflict.value").as("value"),
            col("conflict.golden_value").as("golden_value"),
            col("conflict.golden_source").as("golden_source"));
  }
}
