package cn.govdata.pipelines.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx file row by row with POI's streaming (SAX) reader, so that a
 * spreadsheet of hundreds of thousands of rows does not have to fit in memory as a workbook.
 */
final class XlsxRows {

  private XlsxRows() {}

  /** Calls {@code rows} with the header first, then each row (as many cells as the header). */
  static void read(Path file, String source, Consumer<List<String>> rows) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new SourceException(source, "xlsx.empty", "the workbook has no sheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = SAXHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(),
                null,
                strings,
                new Collector(rows),
                new DataFormatter(),
                false));
        parser.parse(new InputSource(sheet));
      }
    } catch (SourceException e) {
      throw e;
    } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
      throw new SourceException(
          source,
          "xlsx.corrupt",
          "cannot read the xlsx file ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Turns cell events into rows; empty cells arrive as gaps and become nulls. */
  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Consumer<List<String>> rows;
    private int width = -1;
    private String[] current;

    Collector(Consumer<List<String>> rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      current = new String[Math.max(width, 64)];
    }

    @Override
    public void endRow(int rowNum) {
      if (width < 0) {
        int last = current.length;
        while (last > 0 && current[last - 1] == null) {
          last--;
        }
        width = last;
      }
      rows.accept(new ArrayList<>(Arrays.asList(Arrays.copyOf(current, width))));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      if (column >= current.length) {
        current = Arrays.copyOf(current, column + 1);
      }
      current[column] = value;
    }
  }
}
