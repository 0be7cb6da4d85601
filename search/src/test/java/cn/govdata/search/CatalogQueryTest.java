package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogQueryTest {

  @Test
  void rowsOverTheLimitAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> CatalogQuery.of("人口", Viewer.PUBLIC).withPage(0, 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rows must be between 0 and 1000");
  }

  @Test
  void negativeStartAndPagesPastTheWindowAreRefused() {
    CatalogQuery query = CatalogQuery.of("人口", Viewer.PUBLIC);

    assertThatThrownBy(() -> query.withPage(-1, 10)).hasMessageStartingWith("start must be");
    assertThatThrownBy(() -> query.withPage(9_995, 10))
        .hasMessageStartingWith("start + rows must be at most 10000");
  }

  @Test
  void veryLongTextIsCutAndBlankTextMeansEverything() {
    String longText = "人口".repeat(1_000);

    assertThat(CatalogQuery.of(longText, Viewer.PUBLIC).text())
        .hasSize(CatalogQuery.MAX_TEXT_LENGTH);
    assertThat(CatalogQuery.of("   ", Viewer.PUBLIC).text()).isEmpty();
    assertThat(CatalogQuery.of(null, Viewer.PUBLIC).text()).isEmpty();
  }

  @Test
  void blankFilterValuesAreDroppedAndFiltersAreCopied() {
    Map<Facet, Set<String>> filters = new HashMap<>();
    filters.put(Facet.LEVEL, Set.of(" CITY ", " "));
    filters.put(Facet.REGION, Set.of(""));

    CatalogQuery query = new CatalogQuery("", filters, null, 0, 10, Viewer.PUBLIC, null);
    filters.put(Facet.GRADE, Set.of("L1"));

    assertThat(query.filters()).containsOnlyKeys(Facet.LEVEL);
    assertThat(query.filters().get(Facet.LEVEL)).containsExactly("CITY");
    assertThat(query.sort()).isEqualTo(SearchSort.RELEVANCE);
    assertThat(query.facets()).isEmpty();
    assertThat(CatalogQuery.of("", Viewer.PUBLIC).facets())
        .containsExactlyInAnyOrder(Facet.values());
  }

  @Test
  void theViewerIsRequired() {
    assertThatThrownBy(() -> CatalogQuery.of("人口", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void publicViewersSeeTheOpenListOnlyAndDepartmentsBothLists() {
    assertThat(Viewer.PUBLIC.visibleLists()).containsExactly(CatalogListing.OPEN);
    assertThat(Viewer.department("11440100MB2C00000X").visibleLists())
        .containsExactly(CatalogListing.OPEN, CatalogListing.SHARED);
    assertThatThrownBy(() -> new Viewer(" ")).hasMessageContaining("Viewer.PUBLIC");
  }

  @Test
  void facetsParseByNameOrFieldAndNameTheParameterWhenUnknown() {
    assertThat(Facet.parse("openType", "facet.field")).isEqualTo(Facet.OPEN_TYPE);
    assertThat(Facet.parse("UPDATE_CYCLE", "facet.field")).isEqualTo(Facet.UPDATE_CYCLE);
    assertThatThrownBy(() -> Facet.parse("colour", "facet.field"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("facet.field has unknown facet 'colour'")
        .hasMessageContaining("department");
  }
}
