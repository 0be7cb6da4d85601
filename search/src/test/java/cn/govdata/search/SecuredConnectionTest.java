package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a secured cluster, played by {@link FakeElasticsearch} over HTTPS with a
 * certificate from a private CA (the local Elasticsearch runs without security): credentials, the
 * CA file as the only trust, host-name checks, and the errors operators see when one is wrong.
 */
class SecuredConnectionTest {

  private static final String ALIAS = "govdata-catalog";
  private static final String USER = "elastic";
  // a colon and Chinese characters: Elasticsearch splits at the first colon and reads UTF-8
  private static final String PASSWORD = "s3cret:检索密码";

  @TempDir static Path directory;

  private static TestAuthority clusterCa;
  private static Path clusterCaPem;
  private static Path otherCaPem;
  private static KeyStore serverKeys;
  private static KeyStore keysForAnotherHost;

  @BeforeAll
  static void makeTheCertificates() throws Exception {
    clusterCa = TestAuthority.create(directory, "cluster");
    clusterCaPem = clusterCa.pemFile();
    otherCaPem = TestAuthority.create(directory, "other").pemFile();
    serverKeys = clusterCa.serverKeys("es-node", "ip:127.0.0.1");
    keysForAnotherHost = clusterCa.serverKeys("es-elsewhere", "dns:es-http.elsewhere.example");
  }

  @Test
  void credentialsArriveOnEveryRequestOverTheClustersCa() throws Exception {
    try (FakeElasticsearch elasticsearch = new FakeElasticsearch(serverKeys, USER, PASSWORD);
        SearchConnection connection =
            new SearchConnection(
                new SearchSettings(elasticsearch.url(), ALIAS, USER, PASSWORD, clusterCaPem))) {
      CatalogIndex index = new CatalogIndex(connection);

      assertThat(index.currentIndex()).contains(ALIAS + FakeElasticsearch.INDEX_SUFFIX);
      assertThat(index.currentIndex()).contains(ALIAS + FakeElasticsearch.INDEX_SUFFIX);

      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      assertThat(elasticsearch.authorizations()).containsExactly(expected, expected);
    }
  }

  @Test
  void withoutCredentialsNoAuthorizationIsSent() throws Exception {
    try (FakeElasticsearch elasticsearch = new FakeElasticsearch(serverKeys);
        SearchConnection connection =
            new SearchConnection(
                new SearchSettings(elasticsearch.url(), ALIAS, null, null, clusterCaPem))) {
      assertThat(new CatalogIndex(connection).currentIndex()).isPresent();
      assertThat(elasticsearch.authorizations()).containsExactly("");
    }
  }

  @Test
  void wrongCredentialsAreRefusedWithAClearMessage() throws Exception {
    try (FakeElasticsearch elasticsearch = new FakeElasticsearch(serverKeys, USER, PASSWORD);
        SearchConnection connection =
            new SearchConnection(
                new SearchSettings(elasticsearch.url(), ALIAS, USER, "wrong", clusterCaPem))) {
      assertThatThrownBy(() -> new CatalogIndex(connection).currentIndex())
          .isInstanceOf(SearchUnavailableException.class)
          .hasMessage(
              "Search could not read the catalog alias: the search service refused the"
                  + " credentials");
      assertThatThrownBy(
              () -> new CatalogSearch(connection).search(CatalogQuery.of("人口", Viewer.PUBLIC)))
          .isInstanceOf(SearchUnavailableException.class)
          .hasMessageEndingWith("the search service refused the credentials");
    }
  }

  @Test
  void aServerCertificateFromAnotherCaIsRefused() throws Exception {
    assertRefusedAsUntrusted(serverKeys, otherCaPem);
  }

  @Test
  void withoutACaFileTheJvmsDefaultTrustRefusesThePrivateCa() throws Exception {
    assertRefusedAsUntrusted(serverKeys, null);
  }

  @Test
  void aCertificateFromTheRightCaForAnotherHostIsRefused() throws Exception {
    assertRefusedAsUntrusted(keysForAnotherHost, clusterCaPem);
  }

  @Test
  void credentialsOverPlainHttpAreAllowedWithAWarningThatHidesThePassword() {
    Logger logger = Logger.getLogger(SearchConnection.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      SearchSettings settings =
          new SearchSettings(URI.create("http://127.0.0.1:9"), ALIAS, USER, PASSWORD, null);
      new SearchConnection(settings).close();
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(records).hasSize(1);
    LogRecord warning = records.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
    String message = new SimpleFormatter().formatMessage(warning);
    assertThat(message).contains("plain http").contains(USER).doesNotContain(PASSWORD);
  }

  /** The handshake fails with a message that says why, before any credentials are sent. */
  private static void assertRefusedAsUntrusted(KeyStore serverKeys, Path caCertificate)
      throws Exception {
    try (FakeElasticsearch elasticsearch = new FakeElasticsearch(serverKeys);
        SearchConnection connection =
            new SearchConnection(
                new SearchSettings(elasticsearch.url(), ALIAS, USER, PASSWORD, caCertificate))) {
      assertThatThrownBy(() -> new CatalogIndex(connection).currentIndex())
          .isInstanceOf(SearchUnavailableException.class)
          .hasMessage(
              "Search is unavailable: the search service's TLS certificate is not trusted"
                  + " (another CA, or issued for another host name)")
          .satisfies(e -> assertThat(hasSslCause(e)).isTrue());
      assertThat(elasticsearch.authorizations()).as("requests received").isEmpty();
    }
  }

  private static boolean hasSslCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return true;
      }
    }
    return false;
  }
}
