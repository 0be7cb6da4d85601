package cn.govdata.pipelines.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a department extract as its mapping describes and renames its columns to the standard
 * fields. The result has {@code source}, {@code record_id}, {@code updated}, one string column per
 * mapped field and {@code rejected}: the reason a row cannot be used (a ragged CSV line, malformed
 * JSON, no record id), null for a good row. Problems with the whole file (wrong encoding, a mapped
 * column missing, a corrupt workbook) are {@link SourceException}s.
 */
public final class SourceReader {

  public static final String REJECTED = "rejected";
  private static final String CORRUPT = "_corrupt_record";

  private final SparkSession spark;

  public SourceReader(SparkSession spark) {
    this.spark = spark;
  }

  public Dataset<Row> read(Path directory, SourceMapping mapping) {
    if (mapping.jdbc() != null) {
      return standardNames(jdbc(mapping), mapping);
    }
    Path file = directory.resolve(mapping.file());
    if (!Files.isRegularFile(file)) {
      throw new SourceException(mapping.source(), "file.missing", "no file " + file);
    }
    Dataset<Row> rows =
        switch (mapping.format()) {
          case "csv" -> csv(file, mapping);
          case "jsonl" -> jsonLines(file, mapping);
          case "xlsx" -> xlsx(file, mapping);
          default -> throw new IllegalStateException(mapping.format());
        };
    return standardNames(rows, mapping);
  }

  /**
   * A table or query read through Spark's JDBC source, every column as a string like the file
   * formats. The driver must be on the classpath (PostgreSQL's is; Hive JDBC's is added by the
   * deployment, see docs/pipelines.md).
   */
  private Dataset<Row> jdbc(SourceMapping mapping) {
    SourceMapping.Jdbc jdbc = mapping.jdbc();
    HiveJdbcDialect.register();
    var reader = spark.read().format("jdbc").option("url", jdbc.url());
    reader =
        jdbc.table() != null
            ? reader.option("dbtable", jdbc.table())
            : reader.option("query", jdbc.query());
    if (jdbc.user() != null) {
      reader = reader.option("user", jdbc.user());
    }
    if (jdbc.passwordEnvironment() != null) {
      String password = System.getenv(jdbc.passwordEnvironment());
      if (password == null) {
        throw new SourceException(
            mapping.source(),
            "jdbc.password-missing",
            "environment variable " + jdbc.passwordEnvironment() + " is not set");
      }
      reader = reader.option("password", password);
    }
    Dataset<Row> rows;
    try {
      rows = reader.load();
    } catch (Exception e) { // the driver's SQLException reaches here undeclared, through Scala
      throw new SourceException(
          mapping.source(),
          "jdbc.read",
          "cannot read " + jdbc.describe() + ": " + e.getMessage(),
          e);
    }
    requireColumns(mapping, List.of(rows.columns()));
    List<Column> columns = new ArrayList<>();
    for (String column : rows.columns()) {
      columns.add(col(quoted(column)).cast("string").as(column));
    }
    return rows.select(columns.toArray(Column[]::new))
        .withColumn(REJECTED, lit(null).cast("string"));
  }

  private Dataset<Row> csv(Path file, SourceMapping mapping) {
    Encodings.verify(file, mapping.charset());
    List<String> header = csvHeader(file, mapping);
    requireColumns(mapping, header);
    StructType schema = stringSchema(header).add(CORRUPT, DataTypes.StringType);
    return spark
        .read()
        .schema(schema)
        .option("header", "true")
        .option("encoding", mapping.charset().name())
        .option("multiLine", "false")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .csv(file.toString())
        .withColumn(REJECTED, when(col(CORRUPT).isNotNull(), lit("csv.ragged-row")));
  }

  private static List<String> csvHeader(Path file, SourceMapping mapping) {
    try (Reader reader = Files.newBufferedReader(file, mapping.charset());
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new SourceException(mapping.source(), "csv.empty", "the file has no header line");
      }
      List<String> header = new ArrayList<>();
      for (String name : records.next()) {
        header.add(name.replace("\uFEFF", "").strip());
      }
      return header;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Dataset<Row> jsonLines(Path file, SourceMapping mapping) {
    Encodings.verify(file, mapping.charset());
    Set<String> keys = new LinkedHashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader reader = Files.newBufferedReader(file, mapping.charset())) {
      String line;
      for (int i = 0; i < 2000 && (line = reader.readLine()) != null; i++) {
        try {
          JsonNode node = json.readTree(line);
          node.fieldNames().forEachRemaining(keys::add);
        } catch (IOException malformed) {
          // counted per row below
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requireColumns(mapping, new ArrayList<>(keys));
    List<String> columns = new ArrayList<>(mapping.columns().keySet());
    columns.add(mapping.recordId());
    if (mapping.updated() != null) {
      columns.add(mapping.updated());
    }
    StructType schema =
        stringSchema(columns.stream().distinct().toList()).add(CORRUPT, DataTypes.StringType);
    return spark
        .read()
        .schema(schema)
        .option("encoding", mapping.charset().name())
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .json(file.toString())
        .withColumn(REJECTED, when(col(CORRUPT).isNotNull(), lit("json.malformed-line")));
  }

  private Dataset<Row> xlsx(Path file, SourceMapping mapping) {
    List<List<String>> rows = new ArrayList<>();
    XlsxRows.read(file, mapping.source(), rows::add);
    if (rows.isEmpty()) {
      throw new SourceException(mapping.source(), "xlsx.empty", "the sheet has no header row");
    }
    List<String> header = rows.get(0).stream().map(h -> h == null ? "" : h.strip()).toList();
    requireColumns(mapping, header);
    List<Row> data = new ArrayList<>(rows.size());
    for (List<String> row : rows.subList(1, rows.size())) {
      Object[] values = new Object[header.size() + 1];
      for (int i = 0; i < header.size(); i++) {
        values[i] = i < row.size() ? row.get(i) : null;
      }
      data.add(RowFactory.create(values));
    }
    StructType schema = stringSchema(header).add(REJECTED, DataTypes.StringType);
    return spark.createDataFrame(data, schema);
  }

  private static void requireColumns(SourceMapping mapping, List<String> present) {
    List<String> missing = new ArrayList<>();
    for (String column : mapping.columns().keySet()) {
      if (!present.contains(column)) {
        missing.add(column + " (→ " + mapping.columns().get(column) + ")");
      }
    }
    if (!present.contains(mapping.recordId())) {
      missing.add(mapping.recordId() + " (→ record_id)");
    }
    if (mapping.updated() != null && !present.contains(mapping.updated())) {
      missing.add(mapping.updated() + " (→ updated)");
    }
    if (!missing.isEmpty()) {
      throw new SourceException(
          mapping.source(),
          "mapping.column-missing",
          "mapped columns "
              + missing
              + " are not in "
              + mapping.location()
              + "; it has "
              + present);
    }
  }

  private static StructType stringSchema(List<String> columns) {
    StructType schema = new StructType();
    Set<String> seen = new LinkedHashSet<>();
    for (String column : columns) {
      // a repeated or blank header cell still needs a distinct name for Spark
      String name = column.isEmpty() || !seen.add(column) ? "_column" + seen.size() : column;
      seen.add(name);
      schema = schema.add(name, DataTypes.StringType);
    }
    return schema;
  }

  private static Dataset<Row> standardNames(Dataset<Row> rows, SourceMapping mapping) {
    List<Column> columns = new ArrayList<>();
    columns.add(lit(mapping.source()).as("source"));
    columns.add(col(quoted(mapping.recordId())).as("record_id"));
    columns.add(
        mapping.updated() == null
            ? lit(null).cast("string").as("updated")
            : col(quoted(mapping.updated())).as("updated"));
    for (var entry : mapping.orderedColumns()) {
      columns.add(col(quoted(entry.getKey())).as(entry.getValue()));
    }
    columns.add(
        when(col(REJECTED).isNotNull(), col(REJECTED))
            .when(
                col(quoted(mapping.recordId()))
                    .isNull()
                    .or(col(quoted(mapping.recordId())).equalTo("")),
                lit("record-id.missing"))
            .as(REJECTED));
    return rows.select(columns.toArray(Column[]::new));
  }

  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}
