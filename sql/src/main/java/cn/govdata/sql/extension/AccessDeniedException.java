package cn.govdata.sql.extension;

/**
 * A statement asked for data the policies do not grant. The message names the user, the access and
 * the resource, and reaches the JDBC client as the statement's error.
 */
public final class AccessDeniedException extends SecurityException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super("Permission denied: " + message);
  }
}
