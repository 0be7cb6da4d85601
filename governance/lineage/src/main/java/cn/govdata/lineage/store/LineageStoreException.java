package cn.govdata.lineage.store;

import java.sql.SQLException;

/** The lineage store could not be read or written. */
public final class LineageStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LineageStoreException(String action, SQLException cause) {
    super(action + " failed: " + cause.getMessage(), cause);
  }
}
