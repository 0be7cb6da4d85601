package cn.govdata.governance.form;

import cn.govdata.governance.directory.DirectoryRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The directory form (政务信息资源目录表) departments fill in and the lists the platform hands out, as xlsx
 * or CSV in the column layout of {@link FormColumn}.
 *
 * <p>Reading never stores anything: it returns a report with every row's entry or violations, and
 * the caller imports only a report without errors. A file that cannot be read as a form at all
 * throws {@link FormException}.
 */
public final class DirectoryForm {

  private DirectoryForm() {}

  /** Reads a form, checking each entry on its own (no reference data). */
  public static DirectoryFormReport read(InputStream in, FormFormat format, FormLimits limits) {
    return read(in, format, limits, null);
  }

  /**
   * Reads a form, checking each entry on its own and, when {@code rules} is given, the provider's
   * credit code and region against reference data.
   *
   * @throws FormException when the file is unusable: not xlsx, too large, too many rows, a required
   *     header missing, not UTF-8 or GBK, ragged rows
   */
  public static DirectoryFormReport read(
      InputStream in, FormFormat format, FormLimits limits, DirectoryRules rules) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(limits, "limits");
    byte[] bytes = readAtMost(in, limits.maxBytes());
    return switch (format) {
      case XLSX -> XlsxForm.read(bytes, () -> new SheetReading(limits, rules, false));
      case CSV -> CsvForm.read(bytes, new SheetReading(limits, rules, true));
    };
  }

  /**
   * Writes a list: the columns of {@code kind}, one line per row in the given order. CSV is UTF-8
   * with a byte order mark so that Excel opens it with the Chinese intact; xlsx has a bold, frozen
   * header row. The stream is flushed, not closed.
   */
  public static void write(List<ListRow> rows, ListKind kind, FormFormat format, OutputStream out) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(out, "out");
    List<FormColumn> columns = FormColumn.of(kind);
    switch (format) {
      case XLSX -> XlsxForm.write(kind.sheetName(), columns, rows, out);
      case CSV -> CsvForm.write(columns, rows, out);
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAtMost(InputStream in, long maxBytes) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new FormException(
            "form.too-large",
            "the file is larger than " + describe(maxBytes) + "; split it into several files");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded form", e);
    }
  }

  private static String describe(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
  }
}
