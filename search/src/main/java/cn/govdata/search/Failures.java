package cn.govdata.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns whatever the Elasticsearch client throws into {@link SearchUnavailableException}. */
final class Failures {

  /** A call to Elasticsearch. */
  interface Call<T> {
    T run() throws IOException;
  }

  private Failures() {}

  static <T> T guard(String action, Call<T> call) {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      throw refused(action, e);
    } catch (IOException e) {
      throw unavailable(e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException || e instanceof SearchUnavailableException) {
        throw e;
      }
      throw new SearchUnavailableException(
          "Search could not " + action + ": the search service failed", e);
    }
  }

  /** Elasticsearch answered {@code action} with an error. */
  static SearchUnavailableException refused(String action, ElasticsearchException e) {
    if (e.status() == 401 || e.status() == 403) {
      // a wrong password, a user without the index privileges: the operators' to fix
      return new SearchUnavailableException(
          "Search could not " + action + ": the search service refused the credentials", e);
    }
    return new SearchUnavailableException(
        "Search could not " + action + ": the search service refused the request", e);
  }

  /** No answer from Elasticsearch: down, unreachable, or a TLS handshake that failed. */
  static SearchUnavailableException unavailable(IOException e) {
    if (hasCause(e, SSLPeerUnverifiedException.class) || hasCause(e, CertificateException.class)) {
      return new SearchUnavailableException(
          "Search is unavailable: the search service's TLS certificate is not trusted"
              + " (another CA, or issued for another host name)",
          e);
    }
    if (hasCause(e, SSLException.class)) {
      return new SearchUnavailableException(
          "Search is unavailable: the TLS connection to the search service failed", e);
    }
    return new SearchUnavailableException(
        "Search is unavailable: the search service does not answer, please try again later", e);
  }

  /** Whether Elasticsearch answered that the index or alias does not exist (yet). */
  static boolean isIndexMissing(ElasticsearchException e) {
    return e.status() == 404
        && e.error() != null
        && "index_not_found_exception".equals(e.error().type());
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
