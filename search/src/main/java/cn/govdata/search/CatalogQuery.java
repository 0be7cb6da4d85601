package cn.govdata.search;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One catalog search. The text is always treated as text, never as query syntax.
 *
 * @param text what the user typed; blank means "everything", cut to {@link #MAX_TEXT_LENGTH}
 * @param filters facet values to keep: values of one facet are alternatives, facets combine
 * @param sort the order of the results
 * @param start how many results to skip, from 0
 * @param rows how many results to return, 0 to {@link #MAX_ROWS} (0 for facets only)
 * @param viewer who asks, which decides the lists searched
 * @param facets the facets to count; each costs a pass over the matches, so callers that show none
 *     (CKAN's package_search without facet.field) ask for none
 */
public record CatalogQuery(
    String text,
    Map<Facet, Set<String>> filters,
    SearchSort sort,
    int start,
    int rows,
    Viewer viewer,
    Set<Facet> facets) {

  /** Longer input is cut: nobody types more, and it keeps analysis cheap. */
  public static final int MAX_TEXT_LENGTH = 200;

  /** The most rows one page returns (CKAN's package_search has the same limit). */
  public static final int MAX_ROWS = 1000;

  /** Elasticsearch's default max_result_window: start + rows may not go past it. */
  public static final int MAX_WINDOW = 10_000;

  public static final int DEFAULT_ROWS = 20;

  public CatalogQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_TEXT_LENGTH) {
      text = text.substring(0, MAX_TEXT_LENGTH).strip();
    }
    Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
    if (filters != null) {
      filters.forEach(
          (facet, values) -> {
            Objects.requireNonNull(facet, "filters: facet");
            Set<String> kept = new LinkedHashSet<>();
            if (values != null) {
              for (String value : values) {
                if (value != null && !value.isBlank()) {
                  kept.add(value.strip());
                }
              }
            }
            if (!kept.isEmpty()) {
              copy.put(facet, Set.copyOf(kept));
            }
          });
    }
    filters = Map.copyOf(copy);
    sort = sort == null ? SearchSort.RELEVANCE : sort;
    if (start < 0) {
      throw new IllegalArgumentException("start must be at least 0, got " + start);
    }
    if (rows < 0 || rows > MAX_ROWS) {
      throw new IllegalArgumentException(
          "rows must be between 0 and " + MAX_ROWS + ", got " + rows);
    }
    if ((long) start + rows > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "start + rows must be at most " + MAX_WINDOW + ", got " + ((long) start + rows));
    }
    Objects.requireNonNull(viewer, "viewer");
    facets = facets == null || facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
  }

  /** A first page of {@link #DEFAULT_ROWS} results by relevance, with every facet counted. */
  public static CatalogQuery of(String text, Viewer viewer) {
    return new CatalogQuery(
        text, Map.of(), SearchSort.RELEVANCE, 0, DEFAULT_ROWS, viewer, EnumSet.allOf(Facet.class));
  }

  public CatalogQuery withFilter(Facet facet, String... values) {
    Map<Facet, Set<String>> more = new EnumMap<>(Facet.class);
    more.putAll(filters);
    more.put(facet, Set.of(values));
    return new CatalogQuery(text, more, sort, start, rows, viewer, facets);
  }

  public CatalogQuery withSort(SearchSort newSort) {
    return new CatalogQuery(text, filters, newSort, start, rows, viewer, facets);
  }

  public CatalogQuery withPage(int newStart, int newRows) {
    return new CatalogQuery(text, filters, sort, newStart, newRows, viewer, facets);
  }

  /** The same query counting only {@code newFacets} (none when empty). */
  public CatalogQuery withFacets(Set<Facet> newFacets) {
    return new CatalogQuery(text, filters, sort, start, rows, viewer, newFacets);
  }
}
