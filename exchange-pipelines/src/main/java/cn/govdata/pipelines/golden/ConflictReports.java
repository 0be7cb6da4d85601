package cn.govdata.pipelines.golden;

import cn.govdata.pipelines.ingest.SourceMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Conflict reports per department (冲突报告): one CSV per source with its records that disagree with
 * the golden record, and on what, so errors go back to the department that owns them.
 */
public final class ConflictReports {

  private ConflictReports() {}

  /**
   * Writes {@code <directory>/<source>.csv} (record_id, entity, field, value, golden_value,
   * golden_source) for every mapped source, an empty report included; returns source → file.
   */
  public static Map<String, Object> write(
      Dataset<Row> conflicts, String entity, List<SourceMapping> mappings, Path directory) {
    Map<String, Object> files = new LinkedHashMap<>();
    try {
      Files.createDirectories(directory);
      Map<String, CSVPrinter> printers = new LinkedHashMap<>();
      try {
        for (SourceMapping mapping : mappings) {
          Path file = directory.resolve(mapping.source() + ".csv");
          Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          printers.put(
              mapping.source(),
              CSVFormat.RFC4180
                  .builder()
                  .setHeader("record_id", entity, "field", "value", "golden_value", "golden_source")
                  .setRecordSeparator('\n')
                  .get()
                  .print(writer));
          files.put(mapping.source(), file.toString());
        }
        Iterator<Row> rows =
            conflicts
                .select(
                    "source",
                    "record_id",
                    entity,
                    "field",
                    "value",
                    "golden_value",
                    "golden_source")
                .toLocalIterator();
        while (rows.hasNext()) {
          Row row = rows.next();
          CSVPrinter printer = printers.get(row.getString(0));
          if (printer != null) {
            printer.printRecord(
                row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6));
          }
        }
      } finally {
        for (CSVPrinter printer : printers.values()) {
          printer.close(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
