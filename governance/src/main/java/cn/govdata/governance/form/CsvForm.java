package cn.govdata.governance.form;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The directory form as CSV. Excel in China saves "CSV" as GBK and "CSV UTF-8" with a byte order
 * mark; both are read, after a strict check that the bytes really are in that encoding, so a file
 * in a third encoding is refused instead of imported as mojibake.
 */
final class CsvForm {

  static final String UTF_8 = "UTF-8";
  static final String UTF_8_BOM = "UTF-8 with BOM";
  static final String GBK = "GBK";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final CSVFormat READ =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
  private static final CSVFormat WRITE = CSVFormat.DEFAULT;

  private CsvForm() {}

  static DirectoryFormReport read(byte[] bytes, SheetReading reading) {
    String encoding = detect(bytes);
    String text =
        switch (encoding) {
          case UTF_8_BOM -> decode(bytes, BOM.length, StandardCharsets.UTF_8);
          case UTF_8 -> decode(bytes, 0, StandardCharsets.UTF_8);
          default -> decode(bytes, 0, Charset.forName(GBK));
        };
    try (CSVParser parser = CSVParser.parse(text, READ)) {
      for (CSVRecord record : parser) {
        List<String> cells = record.stream().map(CsvForm::undefuse).toList();
        // commons-csv reports an empty line as one empty field: a blank row, not a ragged one.
        boolean emptyLine = cells.size() == 1 && cells.get(0).isEmpty();
        reading.row((int) record.getRecordNumber(), emptyLine ? List.of() : cells);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new FormException(
          "form.csv-syntax", "the CSV file cannot be parsed: " + e.getMessage(), e);
    }
    return reading.finish(encoding);
  }

  /** The encoding of the bytes: UTF-8 with or without BOM, or GBK. */
  static String detect(byte[] bytes) {
    if (startsWith(bytes, BOM)) {
      if (decodes(bytes, BOM.length, StandardCharsets.UTF_8)) {
        return UTF_8_BOM;
      }
      throw new FormException(
          "form.encoding",
          "the CSV file starts with a UTF-8 byte order mark but is not valid UTF-8");
    }
    if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})
        || startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
      throw new FormException(
          "form.encoding",
          "the CSV file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" instead");
    }
    if (decodes(bytes, 0, StandardCharsets.UTF_8)) {
      return UTF_8;
    }
    if (decodes(bytes, 0, Charset.forName(GBK))) {
      return GBK;
    }
    throw new FormException(
        "form.encoding",
        "the CSV file is neither UTF-8 nor GBK; save it as \"CSV UTF-8\" (or GBK \"CSV\") from Excel"
            + " or WPS");
  }

  static void write(List<FormColumn> columns, List<ListRow> rows, OutputStream out) {
    try {
      out.write(BOM);
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(writer, WRITE);
      printer.printRecord(columns.stream().map(FormColumn::chinese).toList());
      for (int i = 0; i < rows.size(); i++) {
        printer.printRecord(
            ListCells.values(columns, rows.get(i), i + 1).stream().map(CsvForm::defuse).toList());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV list", e);
    }
  }

  /**
   * Spreadsheet programs run a CSV cell that starts with {@code = + - @} as a formula (CSV
   * injection): a department's text must not become a command on the machine of whoever opens the
   * list. Such cells are written behind an apostrophe, which Excel shows as text and the reader
   * removes again.
   */
  static String defuse(String cell) {
    return startsWithFormula(cell, 0) ? "'" + cell : cell;
  }

  static String undefuse(String cell) {
    return cell.startsWith("'") && startsWithFormula(cell, 1) ? cell.substring(1) : cell;
  }

  private static boolean startsWithFormula(String cell, int offset) {
    return cell.length() > offset && "=+-@\t\r".indexOf(cell.charAt(offset)) >= 0;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean decodes(byte[] bytes, int offset, Charset charset) {
    try {
      strict(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String decode(byte[] bytes, int offset, Charset charset) {
    try {
      return strict(charset)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormException("form.encoding", "the CSV file is not valid " + charset, e);
    }
  }

  private static java.nio.charset.CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
