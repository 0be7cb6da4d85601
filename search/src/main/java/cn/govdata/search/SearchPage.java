package cn.govdata.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total how many entries match in all
 * @param start the first result's position
 * @param hits this page's entries
 * @param facets for each facet the query asked for, its values among all matching entries, most
 *     frequent first
 */
public record SearchPage(
    long total, int start, List<SearchHit> hits, Map<Facet, List<FacetCount>> facets) {

  public SearchPage {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  static SearchPage empty(int start) {
    return new SearchPage(0, start, List.of(), Map.of());
  }

  public boolean isEmpty() {
    return total == 0;
  }
}
