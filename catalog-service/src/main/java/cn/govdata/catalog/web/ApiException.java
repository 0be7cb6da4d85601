package cn.govdata.catalog.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API reports as an RFC 9457 problem detail: the status, a stable rule name and a
 * message. Bad field values use {@link cn.govdata.governance.validation.InvalidFieldException}
 * instead, which carries one violation per field.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String rule;

  private ApiException(HttpStatus status, String rule, String message) {
    super(message);
    this.status = status;
    this.rule = rule;
  }

  /** 404: the thing does not exist or the caller may not know that it does. */
  public static ApiException notFound(String what, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " not found");
  }

  /** 403: the caller sees the thing but may not do this to it. */
  public static ApiException forbidden(String rule, String message) {
    return new ApiException(HttpStatus.FORBIDDEN, rule, message);
  }

  /** 409: the request contradicts the thing's current state. */
  public static ApiException conflict(String rule, String message) {
    return new ApiException(HttpStatus.CONFLICT, rule, message);
  }

  /** 422: the request is well formed but what it asserts does not hold (e.g. a signature). */
  public static ApiException unprocessable(String rule, String message) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, rule, message);
  }

  /** 413: the request or its file is larger than allowed. */
  public static ApiException tooLarge(String rule, String message) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, rule, message);
  }

  /** 415: the request's media type or file type is not one the endpoint reads. */
  public static ApiException unsupportedType(String rule, String message) {
    return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, rule, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String rule() {
    return rule;
  }
}
