package cn.govdata.catalog.searchindex;

import cn.govdata.search.SearchSettings;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog's search index lives ({@code govdata.search.*}).
 *
 * @param url the Elasticsearch HTTP endpoint; the local node of {@code bin/govdata up} by default
 * @param alias the alias the catalog index is reached by
 * @param rebuildOnStartup build the index at start-up when the alias does not exist yet
 */
@ConfigurationProperties("govdata.search")
public record SearchProperties(URI url, String alias, Boolean rebuildOnStartup) {

  public SearchProperties {
    url = url == null ? SearchSettings.DEFAULT_URL : url;
    alias = alias == null ? SearchSettings.DEFAULT_ALIAS : alias;
    rebuildOnStartup = rebuildOnStartup == null || rebuildOnStartup;
    // checks scheme and alias now, so a bad setting stops start-up with its name
    new SearchSettings(url, alias);
  }

  SearchSettings settings() {
    return new SearchSettings(url, alias);
  }
}
