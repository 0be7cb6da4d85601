package cn.govdata.pipelines.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data quality report of one run (数据质量报告): per source and field, completeness and validity as
 * sent (before) and after standardisation, the repairs and rejections by rule, uniqueness of
 * identifiers, and consistency with the golden record. Kept with the run as JSON and as an HTML
 * page with an inline SVG chart.
 */
public final class QualityReport {

  private final Map<String, Object> content;

  private QualityReport(Map<String, Object> content) {
    this.content = content;
  }

  public Map<String, Object> content() {
    return content;
  }

  /**
   * Computes the report.
   *
   * @param standardised the standardised layer: source, rejected, and per field the value, {@code
   *     <field>_status} and {@code <field>_rule}
   * @param fields the fields to report on
   * @param identifier the field whose uniqueness per source is reported
   * @param conflicts the conflicts with the golden records: source, record_id, field
   * @param mapped per source, the fields its mapping provides; the others are not reported
   * @param header run metadata put at the top
   */
  public static QualityReport compute(
      Dataset<Row> standardised,
      List<String> fields,
      String identifier,
      Dataset<Row> conflicts,
      Map<String, Set<String>> mapped,
      Map<String, Object> header) {
    List<Column> entries = new ArrayList<>();
    for (String field : fields) {
      entries.add(
          struct(
              lit(field).as("field"),
              col(field + "_status").as("status"),
              col(field + "_rule").as("rule")));
    }
    List<Row> counts =
        standardised
            .filter(col("rejected").isNull())
            .select(col("source"), explode(array(entries.toArray(Column[]::new))).as("e"))
            .groupBy(col("source"), col("e.field"), col("e.status"), col("e.rule"))
            .count()
            .collectAsList();
    Map<String, Map<String, Object>> sources = new TreeMap<>();
    for (Row row : counts) {
      Map<String, Object> source = sources.computeIfAbsent(row.getString(0), s -> newSource());
      Map<String, Object> field = fieldOf(source, row.getString(1));
      String status = row.getString(2).toLowerCase(Locale.ROOT);
      long n = row.getLong(4);
      field.merge(status, n, (a, b) -> (Long) a + (Long) b);
      if (row.getString(3) != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = (Map<String, Object>) field.get("rules");
        rules.merge(row.getString(3), n, (a, b) -> (Long) a + (Long) b);
      }
    }
    for (Row row : standardised.groupBy("source", "rejected").count().collectAsList()) {
      Map<String, Object> source = sources.computeIfAbsent(row.getString(0), s -> newSource());
      source.merge("rows", row.getLong(2), (a, b) -> (Long) a + (Long) b);
      if (row.getString(1) != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rejected = (Map<String, Object>) source.get("rejected_rows");
        rejected.put(row.getString(1), row.getLong(2));
      }
    }
    for (Row row :
        standardised
            .filter(col("rejected").isNull())
            .groupBy("source")
            .agg(count(col(identifier)), countDistinct(col(identifier)))
            .collectAsList()) {
      Map<String, Object> field = fieldOf(sources.get(row.getString(0)), identifier);
      long usable = row.getLong(1);
      field.put("uniqueness", usable == 0 ? 1.0 : (double) row.getLong(2) / usable);
    }
    for (Row row : conflicts.groupBy("source", "field").count().collectAsList()) {
      Map<String, Object> source = sources.get(row.getString(0));
      if (source != null) {
        fieldOf(source, row.getString(1)).put("conflicts", row.getLong(2));
      }
    }
    deriveRatios(sources.values());
    // rules broken between fields of one record (a birth date that contradicts the identity number)
    for (Row row :
        standardised
            .filter(col("rejected").isNull().and(col("cross_check").isNotNull()))
            .select(col("source"), explode(split(col("cross_check"), ",")).as("rule"))
            .groupBy("source", "rule")
            .count()
            .collectAsList()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> checks =
          (Map<String, Object>)
              sources.get(row.getString(0)).computeIfAbsent("cross_checks", k -> new TreeMap<>());
      checks.put(row.getString(1), row.getLong(2));
    }
    for (var source : sources.entrySet()) {
      Set<String> provided = mapped.get(source.getKey());
      if (provided != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fieldMap = (Map<String, Object>) source.getValue().get("fields");
        fieldMap.keySet().retainAll(provided);
      }
    }
    Map<String, Object> content = new LinkedHashMap<>(header);
    content.put("sources", sources);
    return new QualityReport(content);
  }

  /** A report from counts gathered elsewhere (see {@link QualityCounts}). */
  static QualityReport of(Map<String, Object> header, Map<String, Map<String, Object>> sources) {
    deriveRatios(sources.values());
    Map<String, Object> content = new LinkedHashMap<>(header);
    content.put("sources", sources);
    return new QualityReport(content);
  }

  /** Completeness, validity and consistency per field from its status and conflict counts. */
  private static void deriveRatios(Collection<Map<String, Object>> sources) {
    for (Map<String, Object> source : sources) {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> fieldMap =
          (Map<String, Map<String, Object>>) source.get("fields");
      for (Map<String, Object> field : fieldMap.values()) {
        long valid = (Long) field.getOrDefault("valid", 0L);
        long repaired = (Long) field.getOrDefault("repaired", 0L);
        long rejected = (Long) field.getOrDefault("rejected", 0L);
        long missing = (Long) field.getOrDefault("missing", 0L);
        long total = valid + repaired + rejected + missing;
        long present = total - missing;
        long conflicts = (Long) field.getOrDefault("conflicts", 0L);
        field.put("completeness_before", ratio(present, total));
        field.put("completeness_after", ratio(valid + repaired, total));
        field.put("validity_before", ratio(valid, present));
        field.put("validity_after", ratio(valid + repaired, present));
        field.put("consistency", ratio(valid + repaired - conflicts, valid + repaired));
      }
    }
  }

  static Map<String, Object> newSource() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("rows", 0L);
    source.put("rejected_rows", new TreeMap<String, Object>());
    source.put("fields", new LinkedHashMap<String, Object>());
    return source;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> fieldOf(Map<String, Object> source, String field) {
    Map<String, Object> fields = (Map<String, Object>) source.get("fields");
    return (Map<String, Object>)
        fields.computeIfAbsent(
            field,
            f -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("rules", new TreeMap<String, Object>());
              return entry;
            });
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : Math.round(10_000.0 * part / whole) / 10_000.0;
  }

  /** Writes {@code quality.json} and {@code quality.html} into {@code directory}. */
  public void write(Path directory) {
    try {
      Files.createDirectories(directory);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(directory.resolve("quality.json").toFile(), content);
      Files.writeString(
          directory.resolve("quality.html"), QualityPage.render(content), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
