package cn.govdata.catalog.searchindex;

import cn.govdata.catalog.web.Problems;
import cn.govdata.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Search being down is a 503 with a plain message for the platform API; Elasticsearch's own error
 * text goes to the log only. (The portal pages and the CKAN API answer it in their own shapes.)
 */
@RestControllerAdvice(basePackageClasses = SearchController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchUnavailableHandling {

  private static final Logger log = LoggerFactory.getLogger(SearchUnavailableHandling.class);

  @ExceptionHandler(SearchUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
    log.warn("search unavailable: {}", e.getMessage(), e.getCause());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "search-unavailable",
                "search.unavailable",
                e.getMessage()));
  }
}
