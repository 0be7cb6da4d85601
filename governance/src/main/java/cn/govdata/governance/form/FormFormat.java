package cn.govdata.governance.form;

import java.util.Locale;

/** The file formats of the directory form. */
public enum FormFormat {
  /** Office Open XML workbook, as Excel and WPS save it. */
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  /** Comma-separated values; read as UTF-8 (with or without BOM) or GBK, written as UTF-8 + BOM. */
  CSV("csv", "text/csv");

  private final String extension;
  private final String mediaType;

  FormFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The format a file name's extension announces.
   *
   * @throws FormException with rule {@code form.format} for any other extension (including the old
   *     binary .xls, which this form does not read)
   */
  public static FormFormat fromFilename(String filename) {
    String name = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
    for (FormFormat format : values()) {
      if (name.endsWith("." + format.extension)) {
        return format;
      }
    }
    throw new FormException(
        "form.format",
        "file '" + filename + "' is neither .xlsx nor .csv; save the form as .xlsx or CSV");
  }
}
