package cn.govdata.catalog.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs a request in by its {@code X-API-Key} header; an unknown or revoked key is a 401. */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";

  private final UserRepository users;
  private final AuthenticationEntryPoint entryPoint;

  ApiKeyAuthenticationFilter(UserRepository users, AuthenticationEntryPoint entryPoint) {
    this.users = users;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null || key.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<StaffUser> user =
        users.findByApiKeyHash(ApiKeys.hash(key.strip())).filter(StaffUser::enabled);
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(
          request, response, new BadCredentialsException("the API key is unknown or revoked"));
      return;
    }
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
