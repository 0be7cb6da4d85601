package cn.govdata.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;

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
      throw new SearchUnavailableException(
          "Search could not " + action + ": the search service refused the request", e);
    } catch (IOException e) {
      throw new SearchUnavailableException(
          "Search is unavailable: the search service does not answer, please try again later", e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException || e instanceof SearchUnavailableException) {
        throw e;
      }
      throw new SearchUnavailableException(
          "Search could not " + action + ": the search service failed", e);
    }
  }

  /** Whether Elasticsearch answered that the index or alias does not exist (yet). */
  static boolean isIndexMissing(ElasticsearchException e) {
    return e.status() == 404
        && e.error() != null
        && "index_not_found_exception".equals(e.error().type());
  }
}
