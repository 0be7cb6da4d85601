package cn.govdata.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The connection to Elasticsearch shared by {@link CatalogIndex} and {@link CatalogSearch}: one per
 * application, closed at shutdown. Timeouts are short on connect so that a node that is down makes
 * search fail at once with {@link SearchUnavailableException} instead of hanging the portal.
 *
 * <p>With credentials in the settings every request carries {@code Authorization: Basic}, sent up
 * front rather than after a 401 challenge; with a CA certificate, TLS trusts that CA only (host
 * names are checked either way).
 */
public final class SearchConnection implements AutoCloseable {

  static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  static final int SOCKET_TIMEOUT_MILLIS = 30_000;

  private static final System.Logger log = System.getLogger(SearchConnection.class.getName());

  private final SearchSettings settings;
  private final RestClient restClient;
  private final ElasticsearchClient client;

  public SearchConnection(SearchSettings settings) {
    this.settings = settings;
    HttpHost host =
        new HttpHost(
            settings.url().getHost(), settings.url().getPort(), settings.url().getScheme());
    RestClientBuilder builder =
        RestClient.builder(host)
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        .setSocketTimeout(SOCKET_TIMEOUT_MILLIS));
    if (settings.hasCredentials()) {
      if ("http".equals(settings.url().getScheme())) {
        log.log(
            Level.WARNING,
            "search credentials for user {0} go to {1} over plain http, readable on the network;"
                + " use https",
            settings.username(),
            settings.url());
      }
      builder.setDefaultHeaders(new Header[] {basicAuthorization(settings)});
    }
    if (settings.caCertificate() != null) {
      if ("http".equals(settings.url().getScheme())) {
        log.log(
            Level.WARNING,
            "search CA certificate {0} is not used: {1} is plain http",
            settings.caCertificate(),
            settings.url());
      }
      var tls = SearchTls.trusting(settings.caCertificate());
      builder.setHttpClientConfigCallback(http -> http.setSSLContext(tls));
    }
    this.restClient = builder.build();
    this.client =
        new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
  }

  private static Header basicAuthorization(SearchSettings settings) {
    // Elasticsearch decodes basic credentials as UTF-8
    String pair = settings.username() + ":" + settings.password();
    return new BasicHeader(
        HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  public SearchSettings settings() {
    return settings;
  }

  ElasticsearchClient client() {
    return client;
  }

  /** Whether the cluster answers and is at least yellow; never throws. */
  public boolean isHealthy() {
    try {
      var health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
      return !health.timedOut()
          && health.status() != co.elastic.clients.elasticsearch._types.HealthStatus.Red;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      restClient.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the Elasticsearch client", e);
    }
  }
}
