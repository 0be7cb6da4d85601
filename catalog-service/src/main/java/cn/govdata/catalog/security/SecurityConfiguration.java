package cn.govdata.catalog.security;

import cn.govdata.catalog.GovdataProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The API is stateless: staff send HTTP Basic, developers an {@code X-API-Key}.
 * Browser pages (the console, later) use a form login with a session and CSRF protection. The URL
 * rules here only separate public from signed-in calls; the department and lifecycle rules are
 * decided in the services on the {@link Caller}.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder(GovdataProperties properties) {
    return new BCryptPasswordEncoder(properties.security().bcryptStrength());
  }

  @Bean
  UserDetailsService userDetailsService(UserRepository users) {
    return username ->
        users
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, UserRepository users, ObjectMapper json)
      throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.unauthorized())
                    .accessDeniedHandler(problems.forbidden()))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(users, problems.unauthorized()),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    // the public reads published open-list entries, the open list and batches
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/entries",
                        "/api/v1/entries/*",
                        "/api/v1/lists/open",
                        "/api/v1/batches",
                        "/api/v1/batches/*",
                        "/api/v1/regions/**",
                        "/api/v1/search",
                        "/api/v1/search/suggest",
                        "/api/v1/federation/node",
                        "/api/v1/federation/harvested")
                    .permitAll()
                    // CKAN's Action API reads the published catalog; actions decide visibility
                    .requestMatchers("/api/3/action/**")
                    .permitAll()
                    .requestMatchers("/api/v1/users/**", "/api/v1/users")
                    .hasRole(Role.GOVERNANCE_ADMIN.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/me")
                    .authenticated()
                    // the public applies for 有条件开放 data with its developer account; who may
                    // see or decide which application is decided in ApplicationService
                    .requestMatchers("/api/v1/applications", "/api/v1/applications/**")
                    .authenticated()
                    // subscriptions: the applicant side (a developer for open data), the
                    // provider's exchange agents; SubscriptionService decides who sees which
                    .requestMatchers(
                        "/api/v1/subscriptions",
                        "/api/v1/subscriptions/**",
                        "/api/v1/deliveries/**")
                    .authenticated()
                    // data APIs and API keys: every signed-in user, developers included; the
                    // services decide per dataset and per key
                    .requestMatchers("/api/v1/data/**", "/api/v1/api-keys/**", "/api/v1/api-keys")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/v1/api-usage")
                    .authenticated()
                    // the gateway's compiled policies: for its service identity alone
                    .requestMatchers(HttpMethod.GET, "/api/v1/policies/**")
                    .hasRole(Role.POLICY_READER.name())
                    // every other API call is for staff; developers only read
                    .anyRequest()
                    .hasAnyRole(
                        Role.GOVERNANCE_ADMIN.name(),
                        Role.CATALOGUER.name(),
                        Role.REVIEWER.name()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/console/**")
                    .hasAnyRole(
                        Role.GOVERNANCE_ADMIN.name(), Role.CATALOGUER.name(), Role.REVIEWER.name())
                    .anyRequest()
                    .permitAll())
        .formLogin(form -> form.defaultSuccessUrl("/console", false))
        .logout(logout -> logout.logoutSuccessUrl("/"));
    return http.build();
  }
}
