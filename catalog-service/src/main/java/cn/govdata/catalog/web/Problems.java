package cn.govdata.catalog.web;

import cn.govdata.governance.validation.FieldViolation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem details every error of the API is reported as (RFC 9457). */
public final class Problems {

  /** Base of the {@code type} URIs; docs/directory-service.md lists the kinds. */
  public static final String TYPE_BASE = "https://govdata.cn/problems/";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String kind, String rule, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + kind));
    problem.setProperty("rule", rule);
    return problem;
  }

  /** 400 with one {@code {field, rule, message}} per broken rule. */
  public static ProblemDetail invalid(HttpStatusCode status, List<FieldViolation> violations) {
    String detail =
        violations.size() == 1
            ? violations.get(0).message()
            : violations.size() + " fields are invalid: " + violations.get(0).message() + "; …";
    ProblemDetail problem = of(status, "invalid-input", violations.get(0).rule(), detail);
    problem.setTitle("Invalid input");
    problem.setProperty("violations", violations);
    return problem;
  }
}
