package cn.govdata.bench.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's search API over HTTP, e.g. the CKAN-compatible {@code package_search}. The URL
 * template takes {@code {q}}, {@code {fq}} and {@code {sort}}, URL-encoded, and the response must
 * carry the match count as a JSON {@code "count"} (CKAN) or {@code "total"} number. Facets are the
 * template's business: put {@code facet.field} in it to count them as the portal does. For the
 * platform's own API ({@code /api/v1/search?q={q}&filter={fq}&sort={sort}&facets={facets}}) the
 * filter is {@code facet:value} and {@code {facets}} becomes {@code all} or {@code none} as the
 * query counts facets or not, so both targets do the same work.
 */
final class HttpSearchTarget implements SearchTarget {

  private static final Pattern COUNT = Pattern.compile("\"(?:count|total)\"\\s*:\\s*(\\d+)");

  private final String template;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpSearchTarget(String template) {
    if (!template.contains("{q}")) {
      throw new IllegalArgumentException("--http-url must contain {q}: " + template);
    }
    this.template = template;
  }

  @Override
  public String name() {
    return "platform HTTP (" + URI.create(template.replaceAll("\\{\\w+}", "")).getPath() + ")";
  }

  @Override
  public long search(BenchQuery query) throws Exception {
    String url = platformApi() ? platformUrl(query) : ckanUrl(query);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
    }
    Matcher count = COUNT.matcher(response.body());
    if (!count.find()) {
      throw new IllegalStateException("no \"count\" or \"total\" in the response of " + url);
    }
    return Long.parseLong(count.group(1));
  }

  /** The platform's own search API, {@code /api/v1/search}: filter facet:value, sort words. */
  private boolean platformApi() {
    return template.contains("/api/v1/search");
  }

  private String platformUrl(BenchQuery query) {
    String filter = query.facet() == null ? "" : query.facet().field() + ":" + query.value();
    String sort =
        switch (query.sort()) {
          case RELEVANCE -> "relevance";
          case LAST_UPDATED -> "updated";
          case POPULARITY -> "popularity";
        };
    // no filter is no parameter: an empty filter is a 400 on that API
    return template
        .replace("&filter={fq}", filter.isEmpty() ? "" : "&filter=" + encode(filter))
        .replace("{q}", encode(query.text()))
        .replace("{fq}", encode(filter))
        .replace("{sort}", sort)
        .replace("{facets}", query.countFacets() ? "all" : "none");
  }

  private String ckanUrl(BenchQuery query) {
    String fq = query.facet() == null ? "" : query.facet().field() + ":\"" + query.value() + "\"";
    String sort =
        switch (query.sort()) {
          case RELEVANCE -> "score desc";
          case LAST_UPDATED -> "metadata_modified desc";
          case POPULARITY -> "views_recent desc";
        };
    return template
        .replace("{q}", encode(query.text()))
        .replace("{fq}", encode(fq))
        .replace("{sort}", encode(sort.toLowerCase(Locale.ROOT)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
