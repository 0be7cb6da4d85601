package cn.govdata.catalog.searchindex;

import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.search.CatalogQuery;
import cn.govdata.search.Facet;
import cn.govdata.search.SearchSort;
import cn.govdata.search.Viewer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads search parameters as the portal, the platform API and the CKAN API receive them, and turns
 * every mistake into a 400 naming the parameter and the rule.
 */
public final class SearchRequests {

  private SearchRequests() {}

  /**
   * Builds a query.
   *
   * @param filters {@code facet:value} pairs, e.g. {@code department:佛山市公安局}
   */
  public static CatalogQuery query(
      String text, List<String> filters, String sort, int start, int rows, Viewer viewer) {
    Map<Facet, Set<String>> byFacet = new EnumMap<>(Facet.class);
    for (String filter : filters == null ? List.<String>of() : filters) {
      int colon = filter.indexOf(':');
      if (colon < 1) {
        throw new InvalidFieldException(
            "filter",
            "filter.format",
            "a filter is facet:value (e.g. openType:UNCONDITIONAL), got '" + filter + "'");
      }
      Facet facet = facet(filter.substring(0, colon), "filter");
      String value = filter.substring(colon + 1).strip();
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        value = value.substring(1, value.length() - 1);
      }
      byFacet.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(value);
    }
    return query(text, byFacet, sort(sort), start, rows, viewer);
  }

  public static CatalogQuery query(
      String text,
      Map<Facet, Set<String>> filters,
      SearchSort sort,
      int start,
      int rows,
      Viewer viewer) {
    if (start < 0) {
      throw new InvalidFieldException("start", "range", "start must be at least 0, got " + start);
    }
    if (rows < 0 || rows > CatalogQuery.MAX_ROWS) {
      throw new InvalidFieldException(
          "rows", "range", "rows must be between 0 and " + CatalogQuery.MAX_ROWS + ", got " + rows);
    }
    if ((long) start + rows > CatalogQuery.MAX_WINDOW) {
      throw new InvalidFieldException(
          "start",
          "range",
          "start + rows must be at most "
              + CatalogQuery.MAX_WINDOW
              + "; narrow the search instead of paging this deep");
    }
    return new CatalogQuery(text, filters, sort, start, rows, viewer, EnumSet.allOf(Facet.class));
  }

  public static Facet facet(String name, String parameter) {
    try {
      return Facet.parse(name, parameter);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(parameter, "facet.unknown", e.getMessage());
    }
  }

  /**
   * Which facets to count: {@code all} (or absent, the portal's results page), {@code none} (an API
   * client that wants only hits), or a comma-separated list of facet names.
   */
  public static Set<Facet> facets(String text) {
    if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
      return EnumSet.allOf(Facet.class);
    }
    if (text.strip().equalsIgnoreCase("none")) {
      return EnumSet.noneOf(Facet.class);
    }
    Set<Facet> facets = EnumSet.noneOf(Facet.class);
    for (String name : text.split(",")) {
      facets.add(facet(name.strip(), "facets"));
    }
    return facets;
  }

  /** relevance (default), updated / last_updated, popularity. */
  public static SearchSort sort(String text) {
    if (text == null || text.isBlank()) {
      return SearchSort.RELEVANCE;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "relevance", "score" -> SearchSort.RELEVANCE;
      case "updated", "last_updated", "newest" -> SearchSort.LAST_UPDATED;
      case "popularity", "popular" -> SearchSort.POPULARITY;
      default ->
          throw new InvalidFieldException(
              "sort",
              "sort.unknown",
              "sort must be relevance, updated or popularity, got '" + text + "'");
    };
  }
}
