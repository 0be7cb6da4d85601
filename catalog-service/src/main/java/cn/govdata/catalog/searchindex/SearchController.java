package cn.govdata.catalog.searchindex;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.search.CatalogQuery;
import cn.govdata.search.CatalogSearch;
import cn.govdata.search.SearchPage;
import cn.govdata.search.Suggestion;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog search over the platform API: {@code GET /api/v1/search}, suggestions as you type, and
 * the administrators' full rebuild. What a caller finds is decided by {@link Viewers}.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

  private final CatalogSearch search;
  private final SearchIndexer indexer;
  private final Viewers viewers;

  SearchController(CatalogSearch search, SearchIndexer indexer, Viewers viewers) {
    this.search = search;
    this.indexer = indexer;
    this.viewers = viewers;
  }

  @GetMapping
  SearchPage search(
      Caller caller,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "filter", required = false) List<String> filters,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "start", defaultValue = "0") int start,
      @RequestParam(name = "rows", defaultValue = "" + CatalogQuery.DEFAULT_ROWS) int rows,
      @RequestParam(name = "facets", required = false) String facets) {
    return search.search(
        SearchRequests.query(text, filters, sort, start, rows, viewers.of(caller))
            .withFacets(SearchRequests.facets(facets)));
  }

  @GetMapping("/suggest")
  List<Suggestion> suggest(
      Caller caller,
      @RequestParam(name = "prefix", required = false) String prefix,
      @RequestParam(name = "size", defaultValue = "8") int size) {
    if (size < 1 || size > CatalogSearch.MAX_SUGGESTIONS) {
      throw new InvalidFieldException(
          "size", "range", "size must be between 1 and " + CatalogSearch.MAX_SUGGESTIONS);
    }
    return search.suggest(prefix == null ? "" : prefix, viewers.of(caller), size);
  }

  @PostMapping("/rebuild")
  SearchIndexer.Rebuilt rebuild(Caller caller) {
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.required", "only a governance administrator rebuilds the search index");
    }
    return indexer.rebuild();
  }
}
