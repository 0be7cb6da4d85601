package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What reaches Elasticsearch: user text only as match text, the viewer's lists always filtered. */
class CatalogSearchQueryTest {

  @Test
  void queryStringSyntaxIsNeverUsed() {
    String json =
        CatalogSearch.query(CatalogQuery.of("name:人口 AND (x OR y)* \"", Viewer.PUBLIC)).toString();

    assertThat(json).doesNotContain("query_string").doesNotContain("simple_query_string");
    assertThat(json).contains("multi_match", "match_phrase");
  }

  @Test
  void thePublicIsFilteredToTheOpenList() {
    String json = CatalogSearch.query(CatalogQuery.of("", Viewer.PUBLIC)).toString();

    assertThat(json).contains("\"lists\":[\"open\"]").contains("match_all");
  }

  @Test
  void aDepartmentSearchesBothListsAndFacetFiltersAreTerms() {
    String json =
        CatalogSearch.query(
                CatalogQuery.of("人口", Viewer.department("11440100MB2C00000X"))
                    .withFilter(Facet.LEVEL, "CITY"))
            .toString();

    assertThat(json).contains("\"lists\":[\"open\",\"shared\"]").contains("\"level\":[\"CITY\"]");
  }
}
