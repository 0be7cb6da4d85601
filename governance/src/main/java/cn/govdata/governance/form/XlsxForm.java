package cn.govdata.governance.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The directory form as an xlsx workbook. Reading streams the first sheet's XML (POI's event API)
 * instead of building the whole workbook in memory, and stops at the row limit; writing streams too
 * (SXSSF keeps a window of rows in memory and flushes the rest to a temporary file).
 */
final class XlsxForm {

  /**
   * No entry of a 5 MB form legitimately expands beyond this; a larger one is a zip bomb. POI's zip
   * guards are JVM-wide settings: this only ever tightens them.
   */
  static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

  /** POI's default: an entry that compresses better than 1:100 is treated as a zip bomb. */
  static final double MIN_INFLATE_RATIO = 0.01;

  private static final int ROWS_IN_MEMORY = 200;

  static {
    if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
      ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }
    if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
      ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }
  }

  private XlsxForm() {}

  /**
   * Reads the first sheet that has the form's header; sheets before it (a 填表说明 with the filling
   * instructions, say) are skipped.
   */
  static DirectoryFormReport read(byte[] bytes, Supplier<SheetReading> readings) {
    checkSignature(bytes);
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new FormException("form.not-xlsx", "the workbook has no sheet");
      }
      while (true) {
        SheetReading reading = readings.get();
        try (InputStream sheet = sheets.next()) {
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(
              new XSSFSheetXMLHandler(
                  reader.getStylesTable(), strings, new Rows(reading), new IsoDates(), false));
          parser.parse(new InputSource(sheet));
        } catch (RuntimeException e) {
          FormException formException = e instanceof FormException f ? f : formCause(e);
          if (formException == null || reading.headerFound() || !sheets.hasNext()) {
            throw e;
          }
          continue;
        }
        if (reading.headerFound() || !sheets.hasNext()) {
          return reading.finish(null);
        }
      }
    } catch (FormException e) {
      throw e;
    } catch (IOException
        | OpenXML4JException
        | OpenXML4JRuntimeException
        | SAXException
        | javax.xml.parsers.ParserConfigurationException e) {
      throw unreadable(e);
    } catch (RuntimeException e) {
      // POI reports damaged packages with assorted runtime exceptions.
      FormException formException = formCause(e);
      throw formException != null ? formException : unreadable(e);
    }
  }

  /** The form's own exception, which the XML parser may hand back wrapped. */
  private static FormException formCause(Throwable e) {
    return e.getCause() instanceof FormException formException ? formException : null;
  }

  static void write(
      String sheetName, List<FormColumn> columns, List<ListRow> rows, OutputStream out) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      Sheet sheet = workbook.createSheet(sheetName);
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      Row header = sheet.createRow(0);
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i).setCellValue(columns.get(i).chinese());
        header.getCell(i).setCellStyle(headerStyle);
        sheet.setColumnWidth(i, width(columns.get(i)) * 256);
      }
      sheet.createFreezePane(0, 1);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> values = ListCells.values(columns, rows.get(r), r + 1);
        for (int i = 0; i < values.size(); i++) {
          // Codes are text: written as numbers Excel would drop leading zeros (项代码 01).
          row.createCell(i).setCellValue(values.get(i));
        }
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the xlsx list", e);
    } finally {
      try {
        workbook.close();
      } catch (IOException e) {
        // the temporary files are gone or will be; nothing the caller can do
      }
    }
  }

  private static int width(FormColumn column) {
    return switch (column) {
      case SEQUENCE -> 6;
      case ITEMS, SUMMARY -> 60;
      case NAME, PROVIDER, SHARE_CONDITIONS, OPEN_CONDITIONS, SHARE_LEGAL_BASIS -> 30;
      default -> 16;
    };
  }

  private static void checkSignature(byte[] bytes) {
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      return;
    }
    if (bytes.length >= 4
        && (bytes[0] & 0xFF) == 0xD0
        && (bytes[1] & 0xFF) == 0xCF
        && (bytes[2] & 0xFF) == 0x11
        && (bytes[3] & 0xFF) == 0xE0) {
      throw new FormException(
          "form.not-xlsx",
          "the file is an old .xls workbook or a password-protected one; save it as an unprotected"
              + " .xlsx workbook");
    }
    throw new FormException(
        "form.not-xlsx", "the file is not an xlsx workbook (not a zip archive)");
  }

  private static FormException unreadable(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Zip bomb") || message.contains("max size") || message.contains("ratio")) {
      return new FormException(
          "form.zip-bomb",
          "the xlsx file expands to far more data than a directory form holds; it is refused as a"
              + " possible zip bomb",
          e);
    }
    return new FormException(
        "form.not-xlsx", "the file is not a readable xlsx workbook: " + message, e);
  }

  /** Collects a row's cells by their column letters, so skipped empty cells keep their places. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final SheetReading reading;
    private final List<String> cells = new ArrayList<>();
    private int nextColumn;

    Rows(SheetReading reading) {
      this.reading = reading;
    }

    @Override
    public void startRow(int rowIndex) {
      cells.clear();
      nextColumn = 0;
    }

    @Override
    public void endRow(int rowIndex) {
      reading.row(rowIndex + 1, List.copyOf(cells));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? nextColumn : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
      nextColumn = column + 1;
    }
  }

  /** Shows date cells as ISO dates whatever the cell's display format, so they parse reliably. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing);
        return time.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? time.toLocalDate().toString()
            : time.toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }
  }
}
