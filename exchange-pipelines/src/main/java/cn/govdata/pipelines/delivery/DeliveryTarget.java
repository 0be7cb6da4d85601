package cn.govdata.pipelines.delivery;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.nio.file.Path;

/** Where a delivery goes: files in a drop directory, or a table in a JDBC database. */
public sealed interface DeliveryTarget {

  /** What the delivery status and the exchange log show, without credentials. */
  String describe();

  /** The file formats a drop directory receives. */
  enum FileFormat {
    CSV("csv"),
    PARQUET("parquet");

    final String extension;

    FileFormat(String extension) {
      this.extension = extension;
    }
  }

  /**
   * Files under {@code directory/<deliveryId>/}: data files first, each written under a temporary
   * name and renamed, then {@code manifest.json} last. A receiver reads only a directory that has a
   * manifest.
   *
   * @param rowsPerFile the most rows one CSV file holds
   */
  record FileDrop(Path directory, FileFormat format, int rowsPerFile) implements DeliveryTarget {
    public FileDrop {
      Checks.required(directory, "directory");
      Checks.required(format, "format");
      if (rowsPerFile < 1) {
        throw new InvalidFieldException("rowsPerFile", "positive", "rowsPerFile must be >= 1");
      }
    }

    public FileDrop(Path directory, FileFormat format) {
      this(directory, format, 1_000_000);
    }

    @Override
    public String describe() {
      return "files " + format.extension + " in " + directory;
    }
  }

  /**
   * A table in any JDBC database. Rows and the delivery's marker row commit in one transaction, so
   * the table holds a delivery wholly or not at all.
   *
   * @param table the target table, created when missing
   * @param replace whether a full delivery replaces the table's rows (in the same transaction)
   */
  record JdbcTable(String url, String user, String password, String table, boolean replace)
      implements DeliveryTarget {
    public JdbcTable {
      Checks.requiredText(url, "url", 1000);
      Checks.required(table, "table");
      if (!table.matches("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?")) {
        throw new InvalidFieldException("table", "identifier", "table must be a lower-case name");
      }
    }

    @Override
    public String describe() {
      return "table " + table + " at " + url.replaceAll("[?;].*", "");
    }

    @Override
    public String toString() {
      return "JdbcTable[" + describe() + "]";
    }
  }
}
