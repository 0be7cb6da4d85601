package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The SQL gateway failed (down, or an error that is not a refusal): 502, as from a proxy. */
final class GatewayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  GatewayException(String message) {
    super(message);
  }

  @RestControllerAdvice
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  static class Handling {
    @ExceptionHandler(GatewayException.class)
    ResponseEntity<ProblemDetail> badGateway(GatewayException e) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
          .body(
              Problems.of(HttpStatus.BAD_GATEWAY, "bad-gateway", "gateway.error", e.getMessage()));
    }
  }
}
