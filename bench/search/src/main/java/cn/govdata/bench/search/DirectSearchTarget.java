package cn.govdata.bench.search;

import cn.govdata.search.CatalogSearch;

/** Straight to Elasticsearch through {@link CatalogSearch}. */
final class DirectSearchTarget implements SearchTarget {

  private final CatalogSearch search;

  DirectSearchTarget(CatalogSearch search) {
    this.search = search;
  }

  @Override
  public String name() {
    return "elasticsearch (Java API)";
  }

  @Override
  public long search(BenchQuery query) {
    return search.search(query.toCatalogQuery()).total();
  }
}
