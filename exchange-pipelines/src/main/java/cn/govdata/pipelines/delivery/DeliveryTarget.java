package cn.govdata.pipelines.delivery;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where a delivery goes: files in a drop directory, a table in a JDBC database, or another node's
 * exchange agent.
 */
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

  /**
   * Another node (对端节点), reached through its exchange agent over mutual TLS. The files are written
   * first into a local staging drop exactly as for {@link FileDrop} (so a resumed delivery sends
   * the same files), then uploaded; the peer skips what it already holds.
   *
   * @param exchangeUrl the peer's exchange agent, {@code https://host:port}
   * @param peerNodeId the peer's node id, as in the peer registry
   * @param staging where the files are written before they are sent
   */
  record PeerNode(URI exchangeUrl, String peerNodeId, FileDrop staging) implements DeliveryTarget {
    public PeerNode {
      Checks.required(exchangeUrl, "exchangeUrl");
      if (!"https".equals(exchangeUrl.getScheme())) {
        throw new InvalidFieldException(
            "exchangeUrl", "https", "exchangeUrl must be an https URL, got " + exchangeUrl);
      }
      Checks.requiredText(peerNodeId, "peerNodeId", 63);
      Checks.required(staging, "staging");
    }

    @Override
    public String describe() {
      return "node " + peerNodeId + " at " + exchangeUrl;
    }
  }
}
