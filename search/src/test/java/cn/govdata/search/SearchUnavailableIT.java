package cn.govdata.search;

import static cn.govdata.search.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Elasticsearch down: every call fails fast with a typed exception and a message for people. */
class SearchUnavailableIT {

  private SearchConnection connection;

  @BeforeEach
  void connectToAPortNobodyListensOn() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    connection =
        new SearchConnection(new SearchSettings(URI.create("http://127.0.0.1:" + port), "down"));
  }

  @AfterEach
  void close() {
    connection.close();
  }

  @Test
  void searchFailsWithAClearMessageAndNoElasticsearchDetail() {
    CatalogSearch search = new CatalogSearch(connection);

    assertThatThrownBy(() -> search.search(CatalogQuery.of("人口", Viewer.PUBLIC)))
        .isInstanceOf(SearchUnavailableException.class)
        .hasMessage(
            "Search is unavailable: the search service does not answer, please try again later")
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> search.suggest("人口", Viewer.PUBLIC, 5))
        .isInstanceOf(SearchUnavailableException.class);
  }

  @Test
  void indexingFailsTheSameWayAndHealthSaysSo() {
    CatalogIndex index = new CatalogIndex(connection);

    assertThatThrownBy(() -> index.publish(entry("census", "人口数据").build()))
        .isInstanceOf(SearchUnavailableException.class);
    assertThatThrownBy(() -> index.rebuild(List.of(entry("census", "人口数据").build())))
        .isInstanceOf(SearchUnavailableException.class);
    assertThat(connection.isHealthy()).isFalse();
  }
}
