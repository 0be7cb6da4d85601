package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

  @Test
  void defaultsPointAtTheLocalNode() {
    assertThat(SearchSettings.defaults().url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
    assertThat(SearchSettings.defaults().alias()).isEqualTo("govdata-catalog");
  }

  @Test
  void rejectsAnAliasElasticsearchWouldRefuse() {
    assertThatThrownBy(() -> new SearchSettings(SearchSettings.DEFAULT_URL, "Catalog"))
        .hasMessageContaining("search alias");
  }

  @Test
  void rejectsANonHttpUrl() {
    assertThatThrownBy(() -> new SearchSettings(URI.create("ftp://x"), "a"))
        .hasMessageContaining("http or https");
  }
}
