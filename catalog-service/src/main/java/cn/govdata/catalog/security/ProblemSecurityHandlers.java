package cn.govdata.catalog.security;

import cn.govdata.catalog.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as problem details, like every other API error. */
final class ProblemSecurityHandlers {

  private final ObjectMapper json;

  ProblemSecurityHandlers(ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"govdata\"");
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "authentication.required",
          "sign in with HTTP Basic or send an X-API-Key header: " + e.getMessage());
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "role.required",
            "your role may not call " + request.getMethod() + " " + request.getRequestURI());
  }

  private void write(
      HttpServletResponse response, HttpStatus status, String kind, String rule, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(status, kind, rule, detail));
  }
}
