package cn.govdata.lineage.atlas;

import org.apache.atlas.AtlasServiceException;

/**
 * A sync with Atlas failed. The platform's own lineage records are unaffected; the sync can be run
 * again, since every write is a create-or-update by qualified name.
 */
public final class AtlasSyncException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action what was being done, e.g. {@code writing 200 entities to Atlas}
   * @param cause the client's exception; {@code null} when Atlas answered but not as expected
   */
  AtlasSyncException(String action, Exception cause) {
    super(
        action + " failed" + status(cause) + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
  }

  AtlasSyncException(String message) {
    super(message);
  }

  private static String status(Exception cause) {
    return cause instanceof AtlasServiceException e && e.getStatus() != null
        ? " (HTTP " + e.getStatus().getStatusCode() + ")"
        : "";
  }
}
