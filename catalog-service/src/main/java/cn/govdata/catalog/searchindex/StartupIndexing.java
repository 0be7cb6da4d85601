package cn.govdata.catalog.searchindex;

import cn.govdata.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds the search index at start-up when it does not exist yet (first start, a new
 * Elasticsearch), after the demo zone has loaded. Runs before readiness turns UP, so {@code
 * bin/govdata up} returns with search ready.
 */
@Component
@Order(20)
class StartupIndexing implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupIndexing.class);

  private final SearchIndexer indexer;
  private final SearchProperties properties;

  StartupIndexing(SearchIndexer indexer, SearchProperties properties) {
    this.indexer = indexer;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.rebuildOnStartup()) {
      return;
    }
    try {
      if (!indexer.isBuilt()) {
        indexer.rebuild();
      }
    } catch (SearchUnavailableException e) {
      log.warn(
          "search index not built at start-up: {}; the portal runs without search until"
              + " POST /api/v1/search/rebuild succeeds",
          e.getMessage());
    }
  }
}
