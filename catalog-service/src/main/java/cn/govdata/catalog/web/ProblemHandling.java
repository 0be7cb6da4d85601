package cn.govdata.catalog.web;

import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem detail. Bad input is 400 with a {@code violations}
 * list of {@code {field, rule, message}}; the field is the JSON path in the request body (e.g.
 * {@code share.legalBasis}, {@code items[2].dataType}) or the query parameter's name.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidFieldException e) {
    return problem(Problems.invalid(HttpStatus.BAD_REQUEST, e.violations()));
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    String kind =
        switch (e.status()) {
          case NOT_FOUND -> "not-found";
          case FORBIDDEN -> "forbidden";
          case CONFLICT -> "conflict";
          case PAYLOAD_TOO_LARGE -> "payload-too-large";
          case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
          case UNPROCESSABLE_ENTITY -> "unprocessable";
          default -> "refused";
        };
    return problem(Problems.of(e.status(), kind, e.rule(), e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    return invalid(
        new InvalidFieldException(
            e.getName(),
            "format",
            e.getName() + " has the malformed value '" + e.getValue() + "'"));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    log.info("duplicate key: {}", e.getMostSpecificCause().getMessage());
    return problem(
        Problems.of(
            HttpStatus.CONFLICT,
            "conflict",
            "unique",
            "a record with the same unique value already exists"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return problem(
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "internal",
            "the service failed; the error is logged"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
        return body(
            Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "payload-too-large",
                "body.max-size",
                tooLarge.getMessage()));
      }
    }
    return body(Problems.invalid(HttpStatus.BAD_REQUEST, violationsOf(cause)));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = e.getParameterName();
    return body(
        Problems.invalid(
            HttpStatus.BAD_REQUEST,
            List.of(new FieldViolation(name, "required", name + " is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = e.getRequestPartName();
    return body(
        Problems.invalid(
            HttpStatus.BAD_REQUEST,
            List.of(
                new FieldViolation(
                    name, "required", "the multipart part '" + name + "' is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return body(
        Problems.of(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "upload.max-size",
            "the upload is larger than the service accepts"));
  }

  /** The violations a body that Jackson could not turn into the request type breaks. */
  static List<FieldViolation> violationsOf(Throwable cause) {
    if (cause instanceof JsonMappingException mapping) {
      String path = path(mapping);
      for (Throwable t = mapping.getCause(); t != null; t = t.getCause()) {
        if (t instanceof InvalidFieldException invalid) {
          // a value object's constructor refused its input: its fields sit under the path
          return path.isEmpty()
              ? invalid.violations()
              : invalid.violations().stream().map(v -> v.under(path)).toList();
        }
      }
      String field = path.isEmpty() ? "body" : path;
      if (mapping instanceof UnrecognizedPropertyException unknown) {
        return List.of(
            new FieldViolation(
                field,
                "unknown-property",
                field + " is not a property of " + unknown.getReferringClass().getSimpleName()));
      }
      if (mapping instanceof InvalidFormatException format
          && format.getTargetType() != null
          && format.getTargetType().isEnum()) {
        String accepted =
            Arrays.stream(format.getTargetType().getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        return List.of(
            new FieldViolation(
                field,
                "enum",
                field
                    + " has unknown value '"
                    + format.getValue()
                    + "'; expected one of "
                    + accepted));
      }
      if (mapping instanceof MismatchedInputException) {
        return List.of(
            new FieldViolation(
                field, "format", field + " has the wrong type: " + mapping.getOriginalMessage()));
      }
      return List.of(new FieldViolation(field, "format", mapping.getOriginalMessage()));
    }
    if (cause instanceof JsonProcessingException parse) {
      return List.of(
          new FieldViolation(
              "body",
              "json.malformed",
              "the body is not well-formed JSON: " + parse.getOriginalMessage()));
    }
    return List.of(new FieldViolation("body", "body.required", "a JSON request body is required"));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      }
    }
    return path.toString();
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static ResponseEntity<Object> body(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
