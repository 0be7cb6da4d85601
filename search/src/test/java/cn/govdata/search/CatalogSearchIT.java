package cn.govdata.search;

import static cn.govdata.search.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.UpdateCycle;
import cn.govdata.search.local.LocalElasticsearch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Searches against a real Elasticsearch with the govdata analysis plugin. */
class CatalogSearchIT {

  private static final Viewer DEPARTMENT = Viewer.department("11440100MB2C00000X");

  private static SearchConnection connection;
  private static CatalogSearch search;

  @BeforeAll
  static void indexTheCatalog() {
    connection = new SearchConnection(LocalElasticsearch.shared().settings("it-search"));
    new CatalogIndex(connection).rebuild(catalog());
    search = new CatalogSearch(connection);
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  static List<CatalogEntry> catalog() {
    return List.of(
        entry("census", "广州市人口普查数据")
            .summary("第七次全国人口普查广州市各区常住人口、户籍人口统计汇总")
            .item("常住人口", "各区常住人口数")
            .item("户籍人口", null)
            .keywords("人口普查", "统计")
            .popularity(120)
            .updatedAt("2026-03-01T00:00:00Z")
            .build(),
        entry("companies", "佛山市企业登记信息")
            .summary("佛山市市场主体登记的企业名称、统一社会信用代码、登记机关和成立日期")
            .department("佛山市市场监督管理局", "440600", "佛山市")
            .classification(ResourceCategory.BASIC, "法人")
            .format(FormatFamily.DATABASE)
            .cycle(UpdateCycle.DAILY)
            .item("统一社会信用代码", "18位代码")
            .popularity(300)
            .updatedAt("2026-02-01T00:00:00Z")
            .build(),
        entry("buses", "深圳市公交线路及站点")
            .summary("深圳市公交线路走向与<站点>位置，供出行服务使用")
            .department("深圳市交通运输局", "440300", "深圳市")
            .classification(ResourceCategory.THEMATIC, "交通出行")
            .format(FormatFamily.API)
            .cycle(UpdateCycle.MONTHLY)
            .item("线路名称", null)
            .popularity(80)
            .updatedAt("2026-04-01T00:00:00Z")
            .build(),
        entry("air", "东莞市空气质量监测数据")
            .summary("东莞市各监测站点逐小时空气质量指数与污染物浓度")
            .department("东莞市生态环境局", "441900", "东莞市")
            .classification(ResourceCategory.THEMATIC, "生态环保")
            .cycle(UpdateCycle.REAL_TIME)
            .item("空气质量指数", null)
            .popularity(50)
            .updatedAt("2026-01-15T00:00:00Z")
            .build(),
        entry("insured", "广东省社会保险参保人员信息")
            .summary("全省企业职工基本养老保险参保人员的参保状态与缴费基数")
            .department("广东省人力资源和社会保障厅", "440000", "广东省")
            .level(AdministrativeLevel.PROVINCE)
            .classification(ResourceCategory.THEMATIC, "社会保障")
            .format(FormatFamily.DATABASE)
            .cycle(UpdateCycle.MONTHLY)
            .sharedOnly()
            .popularity(10)
            .updatedAt("2026-05-01T00:00:00Z")
            .build(),
        entry("households", "广州市户籍人口年度统计")
            .summary("广州市历年户籍人口数、出生与迁入迁出统计")
            .item("年份", null)
            .popularity(5)
            .updatedAt("2025-12-01T00:00:00Z")
            .build());
  }

  @Test
  void aTwoCharacterWordFindsTheEntryAtTheTopWithHighlights() {
    SearchPage page = search.search(CatalogQuery.of("普查", Viewer.PUBLIC));

    assertThat(page.hits()).isNotEmpty();
    SearchHit top = page.hits().get(0);
    assertThat(top.id()).isEqualTo("census");
    assertThat(top.highlights().get("name")).singleElement().asString().contains("<em>普查</em>");
  }

  @Test
  void aPhraseFindsTheEntryAtTheTop() {
    SearchPage page = search.search(CatalogQuery.of("企业登记信息", Viewer.PUBLIC));

    assertThat(page.hits().get(0).id()).isEqualTo("companies");
    assertThat(search.search(CatalogQuery.of("统一社会信用代码", Viewer.PUBLIC)).hits().get(0).id())
        .isEqualTo("companies");
  }

  @Test
  void traditionalCharactersFindSimplifiedEntries() {
    SearchPage census = search.search(CatalogQuery.of("人口普查數據", Viewer.PUBLIC));
    SearchPage air = search.search(CatalogQuery.of("空氣質量", Viewer.PUBLIC));

    assertThat(census.hits().get(0).id()).isEqualTo("census");
    assertThat(census.hits().get(0).highlights().get("name").get(0)).contains("<em>");
    assertThat(air.hits().get(0).id()).isEqualTo("air");
  }

  @Test
  void aWordInTheNameRanksAboveTheSameWordInTheSummaryOnly() {
    SearchPage page = search.search(CatalogQuery.of("户籍人口", Viewer.PUBLIC));

    assertThat(page.hits()).extracting(SearchHit::id).startsWith("households").contains("census");
  }

  @Test
  void facetsCountTheMatchesWithChineseLabels() {
    SearchPage page = search.search(CatalogQuery.of("", Viewer.PUBLIC));

    assertThat(page.total()).isEqualTo(5);
    assertThat(page.facets().get(Facet.DEPARTMENT)).contains(new FacetCount("广州市统计局", "广州市统计局", 2));
    assertThat(page.facets().get(Facet.REGION)).contains(new FacetCount("440600", "佛山市", 1));
    assertThat(page.facets().get(Facet.OPEN_TYPE))
        .containsExactly(new FacetCount("UNCONDITIONAL", "无条件开放", 5));
    assertThat(page.facets().get(Facet.UPDATE_CYCLE))
        .contains(new FacetCount("REAL_TIME", "实时", 1));
    assertThat(page.facets().get(Facet.FORMAT)).contains(new FacetCount("API", "接口", 1));
    assertThat(page.facets().get(Facet.CLASSIFICATION)).contains(new FacetCount("人口", "人口", 2));
    assertThat(page.facets().get(Facet.LEVEL)).containsExactly(new FacetCount("CITY", "市级", 5));
    assertThat(page.facets().get(Facet.GRADE)).containsExactly(new FacetCount("L1", "一级(公开)", 5));
  }

  @Test
  void aFacetFilterNarrowsTheResultsAndFacetsOfOneFacetAreAlternatives() {
    SearchPage foshan =
        search.search(CatalogQuery.of("", Viewer.PUBLIC).withFilter(Facet.REGION, "440600"));
    SearchPage twoCities =
        search.search(
            CatalogQuery.of("", Viewer.PUBLIC).withFilter(Facet.REGION, "440600", "440300"));

    assertThat(foshan.hits()).extracting(SearchHit::id).containsExactly("companies");
    assertThat(twoCities.total()).isEqualTo(2);
  }

  @Test
  void onlyTheFacetsAskedForAreCounted() {
    SearchPage page =
        search.search(CatalogQuery.of("", Viewer.PUBLIC).withFacets(Set.of(Facet.REGION)));
    SearchPage none = search.search(CatalogQuery.of("", Viewer.PUBLIC).withFacets(Set.of()));

    assertThat(page.facets()).containsOnlyKeys(Facet.REGION);
    assertThat(none.facets()).isEmpty();
    assertThat(none.total()).isEqualTo(5);
  }

  @Test
  void anUnknownFacetValueGivesAnEmptyResult() {
    SearchPage page =
        search.search(CatalogQuery.of("人口", Viewer.PUBLIC).withFilter(Facet.LEVEL, "VILLAGE"));

    assertThat(page.isEmpty()).isTrue();
    assertThat(page.hits()).isEmpty();
  }

  @Test
  void thePublicSeesTheOpenListOnlyAndDepartmentsAlsoTheSharedList() {
    assertThat(search.search(CatalogQuery.of("社会保险", Viewer.PUBLIC)).total()).isZero();
    assertThat(search.search(CatalogQuery.of("社会保险", DEPARTMENT)).hits())
        .extracting(SearchHit::id)
        .containsExactly("insured");
    assertThat(search.search(CatalogQuery.of("", DEPARTMENT)).total()).isEqualTo(6);
  }

  @Test
  void sortsByPopularityAndByLastUpdate() {
    CatalogQuery all = CatalogQuery.of("", Viewer.PUBLIC);

    assertThat(search.search(all.withSort(SearchSort.POPULARITY)).hits())
        .extracting(SearchHit::id)
        .containsExactly("companies", "census", "buses", "air", "households");
    assertThat(search.search(all.withSort(SearchSort.LAST_UPDATED)).hits())
        .extracting(SearchHit::id)
        .containsExactly("buses", "census", "companies", "air", "households");
  }

  @Test
  void pagesDoNotOverlapAndKeepTheTotal() {
    CatalogQuery all = CatalogQuery.of("", Viewer.PUBLIC).withSort(SearchSort.POPULARITY);

    SearchPage first = search.search(all.withPage(0, 2));
    SearchPage second = search.search(all.withPage(2, 2));
    SearchPage facetsOnly = search.search(all.withPage(0, 0));

    assertThat(first.hits()).extracting(SearchHit::id).containsExactly("companies", "census");
    assertThat(second.hits()).extracting(SearchHit::id).containsExactly("buses", "air");
    assertThat(second.total()).isEqualTo(5);
    assertThat(facetsOnly.hits()).isEmpty();
    assertThat(facetsOnly.facets().get(Facet.DEPARTMENT)).isNotEmpty();
  }

  @Test
  void highlightsEscapeTheTextAroundTheMatch() {
    SearchHit hit = search.search(CatalogQuery.of("站点位置", Viewer.PUBLIC)).hits().get(0);

    assertThat(hit.id()).isEqualTo("buses");
    assertThat(String.join("", hit.highlights().get("summary")))
        .contains("&lt;")
        .contains("<em>")
        .doesNotContain("<站点>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"人口普查\"",
        "人口普查 *",
        "(人口普查)",
        "人口普查~2^5",
        "[人口普查 TO *]",
        "人口普查\\",
        "{\"query\":{\"match_all\":{}}} 人口普查"
      })
  void operatorsAndQuerySyntaxAreTreatedAsText(String text) {
    SearchPage page = search.search(CatalogQuery.of(text, Viewer.PUBLIC));

    assertThat(page.hits()).isNotEmpty();
    assertThat(page.hits().get(0).id()).isEqualTo("census");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "name:*", "* OR 1=1", "_id:insured", "lists:shared", "\"", "()"})
  void syntaxAloneMatchesNothingAndNeverWidensTheSearch(String text) {
    SearchPage page = search.search(CatalogQuery.of(text, Viewer.PUBLIC));

    assertThat(page.hits()).extracting(SearchHit::id).doesNotContain("insured");
    assertThat(page.total()).isLessThan(5);
  }

  @Test
  void veryLongInputIsSearchedByItsFirstCharacters() {
    SearchPage page = search.search(CatalogQuery.of("空气质量".repeat(5_000), Viewer.PUBLIC));

    assertThat(page.hits().get(0).id()).isEqualTo("air");
  }

  @Test
  void suggestionsCompleteNamesAndKeywordsAsYouType() {
    assertThat(search.suggest("广州", Viewer.PUBLIC, 5))
        .extracting(Suggestion::id)
        .containsExactlyInAnyOrder("census", "households");
    assertThat(search.suggest("廣州市人口", Viewer.PUBLIC, 5))
        .extracting(Suggestion::name)
        .containsExactly("广州市人口普查数据");
    assertThat(search.suggest("人口普", Viewer.PUBLIC, 5))
        .extracting(Suggestion::text)
        .containsExactly("人口普查");
  }

  @Test
  void suggestionsRespectTheViewersLists() {
    assertThat(search.suggest("广东省社会", Viewer.PUBLIC, 5)).isEmpty();
    assertThat(search.suggest("广东省社会", DEPARTMENT, 5))
        .extracting(Suggestion::id)
        .containsExactly("insured");
    assertThat(search.suggest("  ", Viewer.PUBLIC, 5)).isEmpty();
  }
}
