package cn.govdata.search;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.UpdateCycle;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Searches the catalog: full text over name, summary, information items, keywords and department,
 * with phrase boosts, facets, highlighting, sorting, paging and suggestions as you type. What the
 * user typed only ever reaches Elasticsearch as the text of match queries, never as query syntax,
 * and every query is filtered to the lists the {@link Viewer} may see.
 */
public final class CatalogSearch {

  /** Facet values returned per facet. */
  public static final int FACET_SIZE = 50;

  /** Longest prefix a suggestion request reads. */
  public static final int MAX_PREFIX_LENGTH = 50;

  /** Most suggestions one request returns. */
  public static final int MAX_SUGGESTIONS = 20;

  /** Word matches need all of up to three words, then three quarters of them. */
  private static final String MOST_WORDS = "3<75%";

  private static final String REGION_NAME = "regionName";
  private static final String SUGGESTER = "names";

  private final ElasticsearchClient client;
  private final String alias;

  public CatalogSearch(SearchConnection connection) {
    this.client = connection.client();
    this.alias = connection.settings().alias();
  }

  /**
   * Runs a search. An index that does not exist yet gives an empty page.
   *
   * @throws SearchUnavailableException when Elasticsearch does not answer or fails
   */
  public SearchPage search(CatalogQuery query) {
    SearchResponse<IndexedEntry> response;
    try {
      response =
          Failures.guard(
              "search the catalog",
              () ->
                  client.search(
                      s -> {
                        s.index(alias)
                            .query(query(query))
                            .from(query.start())
                            .size(query.rows())
                            .trackTotalHits(t -> t.enabled(true))
                            .sort(sort(query.sort()))
                            .source(src -> src.filter(f -> f.excludes("suggest")))
                            .highlight(
                                h ->
                                    h.encoder(HighlighterEncoder.Html)
                                        .preTags("<em>")
                                        .postTags("</em>")
                                        .fields("name", f -> f.numberOfFragments(0))
                                        .fields("name.bigram", f -> f.numberOfFragments(0))
                                        .fields(
                                            "summary",
                                            f -> f.fragmentSize(120).numberOfFragments(2))
                                        .fields(
                                            "summary.bigram",
                                            f -> f.fragmentSize(120).numberOfFragments(2))
                                        .fields("items", f -> f.numberOfFragments(3))
                                        .fields("items.bigram", f -> f.numberOfFragments(3)));
                        for (Facet facet : query.facets()) {
                          s.aggregations(facet.field(), facetAggregation(facet));
                        }
                        return s;
                      },
                      IndexedEntry.class));
    } catch (SearchUnavailableException e) {
      if (e.getCause() instanceof ElasticsearchException es && Failures.isIndexMissing(es)) {
        return SearchPage.empty(query.start());
      }
      throw e;
    }
    List<SearchHit> hits = response.hits().hits().stream().map(CatalogSearch::toHit).toList();
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
    for (Facet facet : query.facets()) {
      var aggregate = response.aggregations().get(facet.field());
      List<FacetCount> counts = new ArrayList<>();
      if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
          counts.add(
              new FacetCount(bucket.key().stringValue(), label(facet, bucket), bucket.docCount()));
        }
      }
      facets.put(facet, counts);
    }
    return new SearchPage(total, query.start(), hits, facets);
  }

  /**
   * Suggestions as the user types: entries whose name or keyword starts with {@code prefix}
   * (traditional characters fold to simplified), visible to {@code viewer}.
   *
   * @param size how many, 1 to {@link #MAX_SUGGESTIONS}
   */
  public List<Suggestion> suggest(String prefix, Viewer viewer, int size) {
    if (size < 1 || size > MAX_SUGGESTIONS) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_SUGGESTIONS + ", got " + size);
    }
    if (viewer == null) {
      throw new IllegalArgumentException("viewer is required");
    }
    String text = prefix == null ? "" : prefix.strip();
    if (text.length() > MAX_PREFIX_LENGTH) {
      text = text.substring(0, MAX_PREFIX_LENGTH);
    }
    if (text.isEmpty()) {
      return List.of();
    }
    List<CompletionContext> contexts =
        viewer.visibleLists().stream()
            .map(list -> CompletionContext.of(c -> c.context(v -> v.category(list.indexValue()))))
            .toList();
    String typed = text;
    SearchResponse<IndexedEntry> response;
    try {
      response =
          Failures.guard(
              "suggest",
              () ->
                  client.search(
                      s ->
                          s.index(alias)
                              .size(0)
                              .source(src -> src.filter(f -> f.includes("id", "name")))
                              .suggest(
                                  su ->
                                      su.suggesters(
                                          SUGGESTER,
                                          fs ->
                                              fs.prefix(typed)
                                                  .completion(
                                                      c ->
                                                          c.field("suggest")
                                                              .size(size)
                                                              .skipDuplicates(true)
                                                              .contexts("list", contexts)))),
                      IndexedEntry.class));
    } catch (SearchUnavailableException e) {
      if (e.getCause() instanceof ElasticsearchException es && Failures.isIndexMissing(es)) {
        return List.of();
      }
      throw e;
    }
    List<Suggestion> suggestions = new ArrayList<>();
    for (var suggestion : response.suggest().getOrDefault(SUGGESTER, List.of())) {
      for (var option : suggestion.completion().options()) {
        IndexedEntry source = option.source();
        suggestions.add(
            new Suggestion(
                option.text(),
                source == null ? option.id() : source.id(),
                source == null ? option.text() : source.name()));
      }
    }
    return suggestions;
  }

  static Query query(CatalogQuery query) {
    List<Query> filters = new ArrayList<>();
    filters.add(terms("lists", query.viewer().visibleLists(), CatalogListing::indexValue));
    query.filters().forEach((facet, values) -> filters.add(terms(facet.field(), values, v -> v)));
    Query match =
        query.text().isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : textQuery(query.text());
    return Query.of(q -> q.bool(b -> b.must(match).filter(filters)));
  }

  /**
   * Words (smart Chinese segmentation) or bigrams must match; the text as a phrase in the name, an
   * exact keyword and the department name lift an entry up. There is no phrase boost on the
   * summary: it is the longest field, so its phrase matching costs the most per query, and the
   * bigram match already rewards summaries holding the words side by side.
   */
  private static Query textQuery(String text) {
    Query words =
        Query.of(
            q ->
                q.multiMatch(
                    m ->
                        m.query(text)
                            .type(TextQueryType.CrossFields)
                            .fields(
                                "name^4",
                                "keywords.text^3",
                                "department.text^2",
                                "summary^1.5",
                                "items")
                            .minimumShouldMatch(MOST_WORDS)));
    Query bigrams =
        Query.of(
            q ->
                q.multiMatch(
                    m ->
                        m.query(text)
                            .type(TextQueryType.BestFields)
                            .fields("name.bigram^3", "summary.bigram", "items.bigram")
                            .minimumShouldMatch(MOST_WORDS)));
    List<Query> boosts =
        List.of(
            Query.of(q -> q.matchPhrase(p -> p.field("name.bigram").query(text).boost(8f))),
            Query.of(q -> q.matchPhrase(p -> p.field("name").query(text).slop(2).boost(4f))),
            Query.of(q -> q.term(t -> t.field("keywords").value(text).boost(5f))),
            Query.of(q -> q.term(t -> t.field("department").value(text).boost(3f))));
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.must(m -> m.bool(any -> any.should(words, bigrams).minimumShouldMatch("1")))
                        .should(boosts)));
  }

  private static <T> Query terms(String field, Set<T> values, Function<T, String> asText) {
    List<FieldValue> fieldValues =
        values.stream().map(v -> FieldValue.of(asText.apply(v))).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
  }

  private static List<SortOptions> sort(SearchSort sort) {
    SortOptions score = SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc)));
    SortOptions updated =
        SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc)));
    SortOptions popularity =
        SortOptions.of(s -> s.field(f -> f.field("popularity").order(SortOrder.Desc)));
    SortOptions id = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
    return switch (sort) {
      case RELEVANCE -> List.of(score, updated, id);
      case LAST_UPDATED -> List.of(updated, score, id);
      case POPULARITY -> List.of(popularity, updated, id);
    };
  }

  private static Aggregation facetAggregation(Facet facet) {
    if (facet == Facet.REGION) {
      return Aggregation.of(
          a ->
              a.terms(t -> t.field(facet.field()).size(FACET_SIZE))
                  .aggregations(REGION_NAME, n -> n.terms(t -> t.field(REGION_NAME).size(1))));
    }
    return Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(FACET_SIZE)));
  }

  private static String label(Facet facet, StringTermsBucket bucket) {
    String value = bucket.key().stringValue();
    return switch (facet) {
      case LEVEL -> chinese(AdministrativeLevel.class, value);
      case FORMAT -> chinese(FormatFamily.class, value);
      case OPEN_TYPE -> chinese(OpenType.class, value);
      case UPDATE_CYCLE -> chinese(UpdateCycle.class, value);
      case GRADE -> chinese(SensitivityLevel.class, value);
      case REGION -> {
        var names = bucket.aggregations().get(REGION_NAME);
        yield names != null && !names.sterms().buckets().array().isEmpty()
            ? names.sterms().buckets().array().get(0).key().stringValue()
            : value;
      }
      case DEPARTMENT, CLASSIFICATION -> value;
    };
  }

  private static <E extends Enum<E> & Labelled> String chinese(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant.chinese();
      }
    }
    return value;
  }

  private static SearchHit toHit(Hit<IndexedEntry> hit) {
    IndexedEntry entry = hit.source();
    Map<String, List<String>> highlights = new LinkedHashMap<>();
    for (String field : List.of("name", "summary", "items")) {
      List<String> fragments = hit.highlight().get(field);
      if (fragments == null || fragments.isEmpty()) {
        fragments = hit.highlight().get(field + ".bigram");
      }
      if (fragments != null && !fragments.isEmpty()) {
        highlights.put(field, List.copyOf(fragments));
      }
    }
    return new SearchHit(
        entry.id(),
        entry.code(),
        entry.name(),
        entry.summary(),
        entry.department(),
        entry.region(),
        entry.regionName(),
        entry.classification(),
        entry.format(),
        entry.openType(),
        entry.updateCycle(),
        entry.popularity(),
        Instant.parse(entry.updatedAt()),
        hit.score(),
        highlights);
  }
}
