package cn.govdata.search;

import cn.govdata.governance.validation.InvalidFieldException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the catalog index lives and how to reach it. A secured cluster (Elasticsearch 8 with
 * security on, as ECK runs it) wants basic authentication and, when its certificates come from its
 * own CA, that CA as the only one trusted.
 *
 * <p>Invalid settings throw {@link InvalidFieldException} naming the setting ({@code url}, {@code
 * alias}, {@code username}, {@code password}, {@code ca-certificate}); the catalog nests them under
 * its property prefix.
 *
 * @param url the Elasticsearch HTTP endpoint, local node by default
 * @param alias the alias searches go through; the versioned index behind it can be rebuilt
 * @param username the user for basic authentication, or null for none; blank counts as none
 * @param password that user's password: set exactly when {@code username} is; never shown by {@link
 *     #toString()}
 * @param caCertificate a PEM file with the CA certificate(s) to trust instead of the JVM's default
 *     ones, or null for the default trust; read (and checked) when the settings are made
 */
public record SearchSettings(
    URI url, String alias, String username, String password, Path caCertificate) {

  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:9200");
  public static final String DEFAULT_ALIAS = "govdata-catalog";

  public SearchSettings {
    Objects.requireNonNull(url, "url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new InvalidFieldException(
          "url", "search.url.scheme", "search url must be http or https: " + url);
    }
    if (url.getRawUserInfo() != null) {
      // the client would ignore it, and a URL gets logged: credentials go in username/password
      throw new InvalidFieldException(
          "url",
          "search.url.user-info",
          "search url must not carry credentials; set the search username and password instead");
    }
    if (alias == null || !alias.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new InvalidFieldException(
          "alias",
          "search.alias.format",
          "search alias must be lower-case letters, digits, '_' or '-': " + alias);
    }
    username = username == null || username.isBlank() ? null : username;
    password = password == null || password.isEmpty() ? null : password;
    if (username != null && password == null) {
      throw new InvalidFieldException(
          "password",
          "search.credentials.incomplete",
          "search password is not set, but the search username (" + username + ") is");
    }
    if (username == null && password != null) {
      throw new InvalidFieldException(
          "username",
          "search.credentials.incomplete",
          "search username is not set, but the search password is");
    }
    if (caCertificate != null) {
      SearchTls.readCertificates(caCertificate);
    }
  }

  /** An unsecured cluster (the local node): no credentials, the JVM's default trust. */
  public SearchSettings(URI url, String alias) {
    this(url, alias, null, null, null);
  }

  public static SearchSettings defaults() {
    return new SearchSettings(DEFAULT_URL, DEFAULT_ALIAS);
  }

  /** Whether requests carry basic authentication. */
  public boolean hasCredentials() {
    return username != null;
  }

  @Override
  public String toString() {
    return "SearchSettings[url="
        + url
        + ", alias="
        + alias
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "(hidden)")
        + ", caCertificate="
        + caCertificate
        + "]";
  }
}
