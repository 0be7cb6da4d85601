package cn.govdata.catalog.portal;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.governance.directory.InformationItem;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The rows the portal serves for a dataset. The directory service holds no row data yet (rows come
 * from the base databases through the gateway later), so what is served today is the entry's
 * metadata table: one row per information item (信息项) with its name, data type, length and
 * description. Every format is written row by row to the response, never built in memory, so the
 * same writers serve real row data once it is there.
 */
@Component
class DatasetRows {

  static final List<String> COLUMNS = List.of("信息项名称", "数据类型", "长度", "说明");
  static final List<String> KEYS = List.of("name", "dataType", "length", "description");

  /** Rows of the SXSSF window kept in memory while writing xlsx. */
  private static final int XLSX_WINDOW = 100;

  private final ObjectMapper json;

  DatasetRows(ObjectMapper json) {
    this.json = json;
  }

  Iterator<List<String>> rows(Entry entry) {
    return entry.resource().items().stream().map(DatasetRows::row).iterator();
  }

  List<List<String>> preview(Entry entry, int limit) {
    List<List<String>> rows = new ArrayList<>();
    Iterator<List<String>> all = rows(entry);
    while (all.hasNext() && rows.size() < limit) {
      rows.add(all.next());
    }
    return rows;
  }

  private static List<String> row(InformationItem item) {
    List<String> row = new ArrayList<>(4);
    row.add(item.name());
    row.add(item.dataType().chinese());
    row.add(item.length() == null ? "" : item.length().toString());
    row.add(item.description() == null ? "" : item.description());
    return row;
  }

  void writeCsv(Entry entry, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    // a byte-order mark so that Excel opens the UTF-8 file with Chinese text intact
    writer.write('\uFEFF');
    CSVPrinter printer = CSVFormat.DEFAULT.builder().get().print(writer);
    printer.printRecord(COLUMNS);
    for (Iterator<List<String>> rows = rows(entry); rows.hasNext(); ) {
      printer.printRecord(rows.next());
    }
    printer.flush();
  }

  void writeJson(Entry entry, OutputStream out) throws IOException {
    try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      generator.writeStartObject();
      generator.writeStringField("code", entry.code().toString());
      generator.writeStringField("name", entry.resource().name());
      generator.writeArrayFieldStart("rows");
      for (Iterator<List<String>> rows = rows(entry); rows.hasNext(); ) {
        List<String> row = rows.next();
        generator.writeStartObject();
        for (int i = 0; i < KEYS.size(); i++) {
          generator.writeStringField(KEYS.get(i), row.get(i));
        }
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    }
  }

  void writeXlsx(Entry entry, OutputStream out) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW)) {
      Sheet sheet = workbook.createSheet("data");
      writeRow(sheet.createRow(0), COLUMNS);
      int index = 1;
      for (Iterator<List<String>> rows = rows(entry); rows.hasNext(); ) {
        writeRow(sheet.createRow(index++), rows.next());
      }
      workbook.write(out);
      workbook.dispose();
    }
  }

  private static void writeRow(Row row, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      row.createCell(i).setCellValue(values.get(i));
    }
  }
}
