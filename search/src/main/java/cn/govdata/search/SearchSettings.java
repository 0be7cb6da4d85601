package cn.govdata.search;

import java.net.URI;
import java.util.Objects;

/**
 * Where the catalog index lives.
 *
 * @param url the Elasticsearch HTTP endpoint, local node by default
 * @param alias the alias searches go through; the versioned index behind it can be rebuilt
 */
public record SearchSettings(URI url, String alias) {

  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:9200");
  public static final String DEFAULT_ALIAS = "govdata-catalog";

  public SearchSettings {
    Objects.requireNonNull(url, "url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("search url must be http or https: " + url);
    }
    if (alias == null || !alias.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "search alias must be lower-case letters, digits, '_' or '-': " + alias);
    }
  }

  public static SearchSettings defaults() {
    return new SearchSettings(DEFAULT_URL, DEFAULT_ALIAS);
  }
}
