package cn.govdata.pipelines.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows one at a time, never holding a file in memory, so the generator scales to millions of
 * rows: CSV in any charset, xlsx through POI's streaming workbook, JSON lines.
 */
interface TableWriter extends Closeable {

  void write(List<String> row);

  @Override
  void close();

  static TableWriter open(Path file, String format, Charset charset, List<String> header) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return switch (format) {
        case "csv" -> new Csv(file, charset, header);
        case "xlsx" -> new Xlsx(file, header);
        case "jsonl" -> new JsonLines(file, header);
        default -> throw new IllegalArgumentException("unknown format " + format);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CSV with a header row, RFC 4180 quoting. */
  final class Csv implements TableWriter {
    private final CSVPrinter printer;

    Csv(Path file, Charset charset, List<String> header) throws IOException {
      Writer writer = Files.newBufferedWriter(file, charset);
      printer =
          CSVFormat.RFC4180
              .builder()
              .setHeader(header.toArray(String[]::new))
              .setRecordSeparator('\n')
              .get()
              .print(writer);
    }

    @Override
    public void write(List<String> row) {
      try {
        printer.printRecord(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        printer.close(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One sheet, text cells; SXSSF keeps only a window of rows in memory. */
  final class Xlsx implements TableWriter {
    private static final int MAX_ROWS = 1_048_575;
    private final Path file;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet = workbook.createSheet("data");
    private int rows;

    Xlsx(Path file, List<String> header) {
      this.file = file;
      write(header);
    }

    @Override
    public void write(List<String> values) {
      if (rows >= MAX_ROWS) {
        throw new IllegalStateException(file + ": an xlsx sheet holds at most 1,048,576 rows");
      }
      Row row = sheet.createRow(rows++);
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) != null) {
          row.createCell(i).setCellValue(values.get(i));
        }
      }
    }

    @Override
    public void close() {
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
        workbook.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One JSON object per line; empty values are left out, as exporting systems do. */
  final class JsonLines implements TableWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> header;
    private final BufferedWriter writer;

    JsonLines(Path file, List<String> header) throws IOException {
      this.header = List.copyOf(header);
      this.writer =
          new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), "UTF-8"));
    }

    @Override
    public void write(List<String> row) {
      Map<String, String> object = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (row.get(i) != null && !row.get(i).isEmpty()) {
          object.put(header.get(i), row.get(i));
        }
      }
      try {
        writer.write(JSON.writeValueAsString(object));
        writer.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
