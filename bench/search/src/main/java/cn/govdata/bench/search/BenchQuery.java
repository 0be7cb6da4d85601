package cn.govdata.bench.search;

import cn.govdata.search.CatalogQuery;
import cn.govdata.search.Facet;
import cn.govdata.search.SearchSort;
import cn.govdata.search.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One query of the mix, in the terms both targets understand: the Java API and the platform's HTTP
 * search API.
 *
 * @param kind what the query exercises, for the per-kind figures
 * @param text what the user typed
 * @param facet a facet filter, or {@code null}
 * @param value the facet value
 * @param sort the order
 * @param countFacets whether the eight facets are counted (the portal's results page) or none (an
 *     API client that asks for no facet)
 */
record BenchQuery(
    String kind, String text, Facet facet, String value, SearchSort sort, boolean countFacets) {

  BenchQuery(String kind, String text, Facet facet, String value, SearchSort sort) {
    this(kind, text, facet, value, sort, true);
  }

  CatalogQuery toCatalogQuery() {
    CatalogQuery query = CatalogQuery.of(text, Viewer.PUBLIC).withSort(sort);
    if (!countFacets) {
      query = query.withFacets(Set.of());
    }
    return facet == null ? query : query.withFilter(facet, value);
  }

  /**
   * The mix: two-character words, phrases, traditional characters, words with a facet filter,
   * browsing by popularity, two words by last update (the portal's search box, facets counted), and
   * a word without facets (an API client).
   */
  static List<BenchQuery> mix(int count, long seed) {
    String[] words = {"人口", "企业", "公交", "医疗", "空气", "学校", "土地", "许可", "社保", "统计"};
    String[] phrases = {"企业登记信息", "空气质量监测", "公交线路及站点", "户籍人口统计", "中小学校名录"};
    String[] traditional = {"人口普查彙總", "企業登記資訊", "空氣質量監測", "醫療機構名錄", "國有土地出讓"};
    Random random = new Random(seed);
    List<BenchQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queries.add(
          switch (i % 7) {
            case 0 -> new BenchQuery("word", pick(random, words), null, null, SearchSort.RELEVANCE);
            case 1 ->
                new BenchQuery("phrase", pick(random, phrases), null, null, SearchSort.RELEVANCE);
            case 2 ->
                new BenchQuery(
                    "traditional", pick(random, traditional), null, null, SearchSort.RELEVANCE);
            case 3 ->
                new BenchQuery(
                    "word+facet",
                    pick(random, words),
                    Facet.REGION,
                    SyntheticCatalog.CITIES[random.nextInt(SyntheticCatalog.CITIES.length)][0],
                    SearchSort.RELEVANCE);
            case 4 -> new BenchQuery("browse", "", null, null, SearchSort.POPULARITY);
            case 5 ->
                new BenchQuery(
                    "word, no facets",
                    pick(random, words),
                    null,
                    null,
                    SearchSort.RELEVANCE,
                    false);
            default ->
                new BenchQuery(
                    "words+updated",
                    pick(random, words) + " " + pick(random, words),
                    null,
                    null,
                    SearchSort.LAST_UPDATED);
          });
    }
    return queries;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
