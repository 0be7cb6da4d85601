package cn.govdata.catalog.apikey;

import cn.govdata.catalog.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 429 with {@code Retry-After}; ahead of the catch-all handler of the web package. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyRequestsHandling {

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    ProblemDetail problem =
        Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.rule(), e.getMessage());
    problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(problem);
  }
}
