package cn.govdata.catalog.searchindex;

import cn.govdata.search.CatalogIndex;
import cn.govdata.search.CatalogSearch;
import cn.govdata.search.SearchConnection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Elasticsearch connection for the application, shared by the index and the queries. */
@Configuration
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  SearchConnection searchConnection(SearchProperties properties) {
    return new SearchConnection(properties.settings());
  }

  @Bean
  CatalogIndex catalogIndex(SearchConnection connection) {
    return new CatalogIndex(connection);
  }

  @Bean
  CatalogSearch catalogSearch(SearchConnection connection) {
    return new CatalogSearch(connection);
  }
}
