package cn.govdata.catalog.searchindex;

import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.search.SearchSettings;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog's search index lives and how to reach it ({@code govdata.search.*}). The Helm
 * chart sets the user and the CA file of a secured cluster, and the password as the environment
 * variable {@code GOVDATA_SEARCH_PASSWORD} from a Secret.
 *
 * @param url the Elasticsearch HTTP endpoint; the local node of {@code bin/govdata up} by default
 * @param alias the alias the catalog index is reached by
 * @param rebuildOnStartup build the index at start-up when the alias does not exist yet
 * @param username the Elasticsearch user for basic authentication, set together with the password;
 *     none by default (the local node runs without security)
 * @param password the Elasticsearch user's password (environment variable {@code
 *     GOVDATA_SEARCH_PASSWORD}); never logged
 * @param caCertificate a PEM file with the CA that signed the cluster's HTTPS certificate (ECK: the
 *     cluster's ca.crt), trusted instead of the JVM's default CAs; none by default
 */
@ConfigurationProperties("govdata.search")
public record SearchProperties(
    URI url,
    String alias,
    Boolean rebuildOnStartup,
    String username,
    String password,
    Path caCertificate) {

  public SearchProperties {
    url = url == null ? SearchSettings.DEFAULT_URL : url;
    alias = alias == null ? SearchSettings.DEFAULT_ALIAS : alias;
    rebuildOnStartup = rebuildOnStartup == null || rebuildOnStartup;
    // checks every setting now, so a bad one stops start-up with its property name
    settings(url, alias, username, password, caCertificate);
  }

  SearchSettings settings() {
    return settings(url, alias, username, password, caCertificate);
  }

  private static SearchSettings settings(
      URI url, String alias, String username, String password, Path caCertificate) {
    try {
      return new SearchSettings(url, alias, username, password, caCertificate);
    } catch (InvalidFieldException e) {
      throw e.under("govdata.search");
    }
  }

  @Override
  public String toString() {
    return String.format(
        "SearchProperties[url=%s, alias=%s, rebuildOnStartup=%s, username=%s, password=%s,"
            + " caCertificate=%s]",
        url,
        alias,
        rebuildOnStartup,
        username,
        password == null ? null : "(hidden)",
        caCertificate);
  }
}
