package cn.govdata.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The connection to Elasticsearch shared by {@link CatalogIndex} and {@link CatalogSearch}: one per
 * application, closed at shutdown. Timeouts are short on connect so that a node that is down makes
 * search fail at once with {@link SearchUnavailableException} instead of hanging the portal.
 */
public final class SearchConnection implements AutoCloseable {

  static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  static final int SOCKET_TIMEOUT_MILLIS = 30_000;

  private final SearchSettings settings;
  private final RestClient restClient;
  private final ElasticsearchClient client;

  public SearchConnection(SearchSettings settings) {
    this.settings = settings;
    HttpHost host =
        new HttpHost(
            settings.url().getHost(), settings.url().getPort(), settings.url().getScheme());
    this.restClient =
        RestClient.builder(host)
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        .setSocketTimeout(SOCKET_TIMEOUT_MILLIS))
            .build();
    this.client =
        new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
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
