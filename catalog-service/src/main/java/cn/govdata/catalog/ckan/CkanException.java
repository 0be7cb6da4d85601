package cn.govdata.catalog.ckan;

import org.springframework.http.HttpStatus;

/**
 * An error in CKAN's shape: {@code {"success": false, "error": {"__type": ..., "message": ...}}}
 * with the status CKAN answers it with.
 */
final class CkanException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String type;
  private final String field;

  private CkanException(HttpStatus status, String type, String field, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.field = field;
  }

  static CkanException notFound(String message) {
    return new CkanException(HttpStatus.NOT_FOUND, "Not Found Error", null, message);
  }

  /** CKAN answers validation errors with 409 and the messages keyed by field. */
  static CkanException validation(String field, String message) {
    return new CkanException(HttpStatus.CONFLICT, "Validation Error", field, message);
  }

  static CkanException searchQuery(String message) {
    return new CkanException(HttpStatus.CONFLICT, "Search Query Error", null, message);
  }

  static CkanException badRequest(String message) {
    return new CkanException(HttpStatus.BAD_REQUEST, "Bad Request", null, message);
  }

  static CkanException searchUnavailable(String message) {
    return new CkanException(HttpStatus.SERVICE_UNAVAILABLE, "Search Error", null, message);
  }

  HttpStatus status() {
    return status;
  }

  String type() {
    return type;
  }

  /** The field a validation error concerns, else {@code null}. */
  String field() {
    return field;
  }
}
