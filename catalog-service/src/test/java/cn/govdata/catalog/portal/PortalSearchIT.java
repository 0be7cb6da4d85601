package cn.govdata.catalog.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.search.CatalogEntry;
import cn.govdata.search.CatalogIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The portal, the search API, the CKAN API and DCAT-AP over the demo zone, with a real local
 * Elasticsearch (the search module's runner, one node per JVM) and the embedded database.
 */
class PortalSearchIT extends PortalContext {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired CatalogIndex index;

  private JsonNode get(String url, Object... variables) throws Exception {
    ResponseEntity<String> response = http.getForEntity(url, String.class, variables);
    assertThat(response.getStatusCode().value()).as(url).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  @Test
  void searchFindsADemoDatasetByWordByPhraseAndInTraditionalCharacters() throws Exception {
    for (String text : List.of("常住", "常住人口统计", "常住人口統計")) {
      JsonNode page = get("/api/v1/search?q={q}", text);
      assertThat(page.path("total").asLong()).as(text).isPositive();
      JsonNode top = page.path("hits").get(0);
      assertThat(top.path("name").asText()).as(text).isEqualTo("佛山市常住人口统计数据");
      assertThat(top.path("highlights").toString()).as(text).contains("<em>");
      assertThat(page.path("facets").path("DEPARTMENT")).as(text).isNotEmpty();
    }
    JsonNode hitsOnly = get("/api/v1/search?q={q}&facets=none", "常住");
    assertThat(hitsOnly.path("hits").get(0).path("name").asText()).isEqualTo("佛山市常住人口统计数据");
    assertThat(hitsOnly.path("facets").size()).isZero();
    JsonNode twoFacets = get("/api/v1/search?q={q}&facets=region,openType", "常住");
    assertThat(twoFacets.path("facets").has("REGION")).isTrue();
    assertThat(twoFacets.path("facets").has("DEPARTMENT")).isFalse();
    assertThat(
            http.getForEntity("/api/v1/search?q=x&facets=colour", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);
    JsonNode filtered = get("/api/v1/search?q={q}&filter={f}", "人口", "openType:CONDITIONAL");
    filtered
        .path("hits")
        .forEach(hit -> assertThat(hit.path("openType").asText()).isEqualTo("CONDITIONAL"));
  }

  @Test
  void theIndexFollowsRetireAndTheRebuildIsForAdministratorsOnly() throws Exception {
    JsonNode hit = null;
    for (JsonNode candidate : get("/api/v1/search?rows=50").path("hits")) {
      if (!candidate.path("name").asText().contains("人口")) {
        hit = candidate;
        break;
      }
    }
    assertThat(hit).isNotNull();
    String id = hit.path("id").asText();
    String name = hit.path("name").asText();
    TestRestTemplate admin = http.withBasicAuth("admin", DEMO_PASSWORD);
    ResponseEntity<String> retired =
        admin.postForEntity(
            "/api/v1/entries/" + id + "/transitions", Map.of("to", "RETIRED"), String.class);
    assertThat(retired.getStatusCode().value()).isEqualTo(200);
    JsonNode after = get("/api/v1/search?q={q}", name);
    after.path("hits").forEach(h -> assertThat(h.path("id").asText()).isNotEqualTo(id));
    assertThat(http.getForEntity("/dataset/" + id, String.class).getStatusCode().value())
        .isEqualTo(404);

    assertThat(
            http.postForEntity("/api/v1/search/rebuild", null, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(
            http.withBasicAuth("reviewer", DEMO_PASSWORD)
                .postForEntity("/api/v1/search/rebuild", null, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<String> rebuilt =
        admin.postForEntity("/api/v1/search/rebuild", null, String.class);
    assertThat(rebuilt.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(rebuilt.getBody()).path("published").asInt()).isPositive();
    assertThat(get("/api/v1/search?q={q}", "人口").path("total").asLong()).isPositive();
  }

  @Test
  void ckanActionsAnswerCkansDocumentedShapes() throws Exception {
    JsonNode search =
        get(
            "/api/3/action/package_search?q={q}&rows=5&facet.field={f}&facet.limit=3",
            "人口",
            "[\"organization\",\"groups\"]");
    assertEnvelope(search);
    JsonNode result = search.path("result");
    assertThat(result.path("count").isIntegralNumber()).isTrue();
    assertThat(result.path("sort").isTextual()).isTrue();
    assertThat(result.path("results").isArray()).isTrue();
    assertThat(result.path("search_facets").path("organization").path("items").get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("name", "display_name", "count");
    assertThat(result.path("facets").path("organization").size()).isBetween(1, 3);
    JsonNode dataset = result.path("results").get(0);
    assertPackage(dataset);

    String organization = dataset.path("organization").path("name").asText();
    JsonNode byOrganization =
        get("/api/3/action/package_search?fq={fq}&rows=50", "organization:" + organization);
    assertThat(byOrganization.path("result").path("count").asLong()).isPositive();
    byOrganization
        .path("result")
        .path("results")
        .forEach(p -> assertThat(p.path("owner_org").asText()).isEqualTo(organization));

    assertPackage(
        get("/api/3/action/package_show?id={id}", dataset.path("name").asText()).path("result"));
    JsonNode list = get("/api/3/action/package_list").path("result");
    assertThat(list.isArray()).isTrue();
    assertThat(list.get(0).isTextual()).isTrue();
    JsonNode organizations = get("/api/3/action/organization_list?all_fields=true").path("result");
    assertThat(organizations.get(0).path("package_count").isInt()).isTrue();
    assertThat(organizations.get(0).path("is_organization").asBoolean()).isTrue();
    JsonNode shown = get("/api/3/action/organization_show?id={id}", organization).path("result");
    assertThat(shown.path("name").asText()).isEqualTo(organization);
    assertThat(shown.path("package_count").asInt()).isPositive();
    JsonNode groups = get("/api/3/action/group_list").path("result");
    assertThat(groups.get(0).isTextual()).isTrue();
    String resourceId = dataset.path("resources").get(0).path("id").asText();
    JsonNode resource = get("/api/3/action/resource_show?id={id}", resourceId).path("result");
    assertThat(resource.path("package_id").asText()).isEqualTo(dataset.path("id").asText());
    assertThat(resource.path("url").asText()).contains("/download.");
    assertThat(get("/api/3/action/tag_list").path("result").get(0).isTextual()).isTrue();
    JsonNode status = get("/api/3/action/status_show").path("result");
    assertThat(status.path("ckan_version").asText()).isNotBlank();
    assertThat(status.path("extensions").isArray()).isTrue();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> posted =
        http.postForEntity(
            "/api/3/action/package_search",
            new HttpEntity<>("{\"q\": \"人口\", \"rows\": 1}", headers),
            String.class);
    assertThat(posted.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(posted.getBody()).path("result").path("results").size()).isEqualTo(1);

    assertCkanError("/api/3/action/package_show?id=no-such-package", 404, "Not Found Error");
    assertCkanError("/api/3/action/package_show", 409, "Validation Error");
    assertCkanError("/api/3/action/no_such_action", 400, "Bad Request");
    assertCkanError("/api/3/action/package_search?rows=1001", 409, "Validation Error");
    assertCkanError("/api/3/action/package_search?fq=nosuchfield:x", 409, "Search Query Error");
  }

  @Test
  void dcatApOutputConformsToTheOfficialShapes() throws Exception {
    Shapes shapes = Shapes.parse(officialShapes());
    String datasetId =
        get("/api/3/action/package_search?q={q}&rows=1", "人口")
            .path("result")
            .path("results")
            .get(0)
            .path("id")
            .asText();
    for (String url :
        List.of("/catalog.ttl", "/catalog.ttl?page=2", "/dataset/" + datasetId + ".ttl")) {
      Model model = parse(url, Lang.TURTLE);
      assertThat(model.size()).as(url).isPositive();
      ValidationReport report = ShaclValidator.get().validate(shapes, model.getGraph());
      if (!report.conforms()) {
        ShLib.printReport(report);
      }
      assertThat(report.conforms()).as(url + " conforms to DCAT-AP 3.0.0").isTrue();
      model
          .listObjectsOfProperty(DCTerms.modified)
          .forEach(
              modified ->
                  assertThat(
                          modified
                              .asLiteral()
                              .getDatatype()
                              .isValid(modified.asLiteral().getLexicalForm()))
                      .as(url + " dct:modified " + modified.asLiteral().getLexicalForm())
                      .isTrue());
    }
    Model turtle = parse("/dataset/" + datasetId + ".ttl", Lang.TURTLE);
    assertThat(parse("/dataset/" + datasetId + ".jsonld", Lang.JSONLD).isIsomorphicWith(turtle))
        .isTrue();
    assertThat(parse("/dataset/" + datasetId + ".rdf", Lang.RDFXML).isIsomorphicWith(turtle))
        .isTrue();
    Model first = parse("/catalog.ttl", Lang.TURTLE);
    String hydra = "http://www.w3.org/ns/hydra/core#";
    long total =
        first
            .listObjectsOfProperty(first.createProperty(hydra, "totalItems"))
            .next()
            .asLiteral()
            .getLong();
    long datasets = get("/api/3/action/package_list").path("result").size();
    assertThat(total).isEqualTo(datasets);
    assertThat(first.contains(null, first.createProperty(hydra, "nextPage")))
        .isEqualTo(total > 100);
    assertThat(first.contains(null, first.createProperty(hydra, "lastPage"))).isTrue();
  }

  @Test
  void aDocumentTheDirectoryDoesNotKnowIsSkippedNotAnError() throws Exception {
    JsonNode published =
        json.readTree(http.getForObject("/api/v1/entries?status=PUBLISHED&size=1", String.class))
            .path("items")
            .get(0);
    InformationResource resource =
        json.treeToValue(published.path("resource"), InformationResource.class);
    // another writer of the shared index (a benchmark, a second node) leaves an id that is no entry
    index.publish(
        new CatalogEntry(
            "foreign-1", resource, LifecycleStatus.PUBLISHED, "佛山市", 0, Instant.now()));
    index.refresh();
    try {
      ResponseEntity<String> response =
          http.getForEntity(
              "/api/3/action/package_search?q={q}&rows=50", String.class, resource.name());
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
      JsonNode result = json.readTree(response.getBody()).path("result");
      assertThat(result.path("results").findValuesAsText("id")).doesNotContain("foreign-1");
    } finally {
      index.retire("foreign-1");
      index.refresh();
    }
  }

  @Test
  void badInputGetsAClearAnswerAndNeverLeaksElasticsearch() {
    List<String> texts =
        List.of(
            "",
            "   ",
            "\"",
            "人口\" OR \"1\"=\"1",
            "name:(人口) AND *",
            "[* TO *]",
            "{\"query\":{\"match_all\":{}}}",
            "\\/*?~^!",
            "人".repeat(300));
    for (String text : texts) {
      for (String url :
          List.of(
              "/search?q={q}",
              "/api/v1/search?q={q}",
              "/api/3/action/package_search?q={q}",
              "/api/v1/search/suggest?prefix={q}")) {
        ResponseEntity<String> response = http.getForEntity(url, String.class, text);
        assertThat(response.getStatusCode().value()).as(url + " " + text).isEqualTo(200);
        assertNoLeak(response);
      }
    }
    for (String url :
        List.of(
            "/search?filter=openType:NO_SUCH_VALUE",
            "/api/v1/search?filter=openType:NO_SUCH_VALUE")) {
      ResponseEntity<String> response = http.getForEntity(url, String.class);
      assertThat(response.getStatusCode().value()).as(url).isEqualTo(200);
      assertNoLeak(response);
    }
    for (String url :
        List.of(
            "/search?filter=nosuchfacet:x",
            "/search?page=0",
            "/search?page=abc",
            "/search?sort=random",
            "/api/v1/search?filter=nosuchfacet:x",
            "/api/v1/search?rows=1001",
            "/api/v1/search?rows=-1",
            "/api/v1/search?start=9999&rows=10",
            "/api/v1/search?sort=random",
            "/api/v1/search/suggest?size=500",
            "/api/3/action/package_search?rows=abc",
            "/api/3/action/package_search?facet.field=notjson",
            "/api/3/action/package_search?sort=random%20desc",
            "/catalog.ttl?page=0")) {
      ResponseEntity<String> response = http.getForEntity(url, String.class);
      assertThat(response.getStatusCode().is4xxClientError()).as(url).isTrue();
      assertNoLeak(response);
    }
  }

  @Test
  void thePortalShowsSearchesAndServesDownloadsAndRecordsApplications() throws Exception {
    ResponseEntity<String> home = http.getForEntity("/", String.class);
    assertThat(home.getBody()).contains("政务数据开放平台").contains("id=\"dataset-count\"");
    assertThat(http.getForObject("/?lang=en", String.class)).contains("Government Open Data");
    String results = http.getForObject("/search?q={q}", String.class, "人口");
    assertThat(results).contains("佛山市常住<em>人口</em>统计数据").contains("提供部门");
    String none = http.getForObject("/search?q={q}", String.class, "zzzxqv");
    assertThat(none).contains("没有找到");

    JsonNode open = get("/api/v1/search?filter=openType:UNCONDITIONAL&rows=1").path("hits").get(0);
    String page = http.getForObject("/dataset/" + open.path("id").asText(), String.class);
    assertThat(page).contains(open.path("name").asText()).contains("download.csv");
    ResponseEntity<String> csv =
        http.getForEntity("/dataset/" + open.path("id").asText() + "/download.csv", String.class);
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getBody()).contains("信息项名称");
    ResponseEntity<byte[]> xlsx =
        http.getForEntity("/dataset/" + open.path("id").asText() + "/download.xlsx", byte[].class);
    assertThat(xlsx.getBody()).startsWith('P', 'K');
    assertThat(
            json.readTree(
                    http.getForObject(
                        "/dataset/" + open.path("id").asText() + "/download.json", String.class))
                .path("rows"))
        .isNotEmpty();

    JsonNode conditional =
        get("/api/v1/search?filter=openType:CONDITIONAL&rows=1").path("hits").get(0);
    String conditionalUrl = "/dataset/" + conditional.path("id").asText();
    assertThat(
            http.getForEntity(conditionalUrl + "/download.csv", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<String> form = http.getForEntity(conditionalUrl, String.class);
    assertThat(form.getBody()).contains("name=\"purpose\"");
    HttpHeaders headers = session(form);
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    fields.add("_csrf", csrf(form.getBody()));
    fields.add("applicant", "测试申请人");
    fields.add("email", "not-an-email");
    fields.add("purpose", "研究");
    ResponseEntity<String> rejected =
        http.exchange(
            conditionalUrl + "/apply",
            HttpMethod.POST,
            new HttpEntity<>(fields, headers),
            String.class);
    assertThat(rejected.getStatusCode().value()).isEqualTo(400);
    assertThat(rejected.getBody()).contains("email");
    fields.set("email", "applicant@example.org");
    ResponseEntity<String> accepted =
        http.exchange(
            conditionalUrl + "/apply",
            HttpMethod.POST,
            new HttpEntity<>(fields, headers),
            String.class);
    assertThat(accepted.getStatusCode().value()).isEqualTo(200);
    assertThat(accepted.getBody()).contains("申请已提交");
    // the application is an ordinary open application that the provider sees and decides
    TestRestTemplate admin = http.withBasicAuth("admin", DEMO_PASSWORD);
    JsonNode submitted = null;
    for (JsonNode candidate :
        json.readTree(
                admin.getForObject("/api/v1/applications?status=SUBMITTED&size=200", String.class))
            .path("items")) {
      if ("applicant@example.org".equals(candidate.path("applicant").path("contact").asText())) {
        submitted = candidate;
      }
    }
    assertThat(submitted).as("the portal's application reaches ApplicationService").isNotNull();
    assertThat(submitted.path("kind").asText()).isEqualTo("OPEN");
    assertThat(submitted.path("entryId").asText()).isEqualTo(conditional.path("id").asText());
    ResponseEntity<String> approved =
        admin.postForEntity(
            "/api/v1/applications/" + submitted.path("id").asLong() + "/approve",
            null,
            String.class);
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
    assertThat(json.readTree(approved.getBody()).path("status").asText()).isEqualTo("APPROVED");

    assertThat(http.getForObject("/departments", String.class)).contains("佛山市统计局");
    assertThat(http.getForObject("/batches", String.class)).contains("batch-1");
  }

  @Test
  void theConsoleReviewsAndApprovesBehindTheFormLogin() {
    RestTemplate browser = withoutRedirectsOnPost();
    ResponseEntity<String> anonymous = browser.getForEntity("/console", String.class);
    assertThat(anonymous.getBody()).doesNotContain("审核队列");
    ResponseEntity<String> login = browser.getForEntity("/login", String.class);
    HttpHeaders headers = session(login);
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    fields.add("_csrf", csrf(login.getBody()));
    fields.add("username", "reviewer");
    fields.add("password", DEMO_PASSWORD);
    ResponseEntity<String> signedIn =
        browser.exchange(
            "/login", HttpMethod.POST, new HttpEntity<>(fields, headers), String.class);
    assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
    assertThat(signedIn.getHeaders().getLocation().getPath()).isEqualTo("/console");
    HttpHeaders session = session(signedIn);
    ResponseEntity<String> queue =
        browser.exchange("/console", HttpMethod.GET, new HttpEntity<>(session), String.class);
    assertThat(queue.getStatusCode().value()).isEqualTo(200);
    assertThat(queue.getBody()).contains("审核队列");
    Matcher approve = Pattern.compile("id=\"approve-(\\d+)\"").matcher(queue.getBody());
    assertThat(approve.find()).isTrue();
    String id = approve.group(1);
    MultiValueMap<String, String> action = new LinkedMultiValueMap<>();
    action.add("_csrf", csrf(queue.getBody()));
    ResponseEntity<String> approved =
        browser.exchange(
            "/console/entries/" + id + "/approve",
            HttpMethod.POST,
            new HttpEntity<>(action, session),
            String.class);
    assertThat(approved.getStatusCode().value()).isEqualTo(302);
    String after =
        browser
            .exchange("/console", HttpMethod.GET, new HttpEntity<>(session), String.class)
            .getBody();
    assertThat(after).doesNotContain("id=\"approve-" + id + "\"");
    String audit =
        browser
            .exchange("/console/audit", HttpMethod.GET, new HttpEntity<>(session), String.class)
            .getBody();
    assertThat(audit).contains("APPROVED");
  }

  /** Like a browser without cookies of its own: follows redirects of GETs, not of POSTs. */
  private RestTemplate withoutRedirectsOnPost() {
    RestTemplate template = new RestTemplate(new SimpleClientHttpRequestFactory());
    template.setUriTemplateHandler(new DefaultUriBuilderFactory(http.getRootUri()));
    template.setErrorHandler(
        new DefaultResponseErrorHandler() {
          @Override
          public boolean hasError(ClientHttpResponse response) {
            return false;
          }
        });
    return template;
  }

  private void assertEnvelope(JsonNode response) {
    assertThat(response.path("help").isTextual()).isTrue();
    assertThat(response.path("success").asBoolean()).isTrue();
    assertThat(response.has("result")).isTrue();
  }

  private static void assertPackage(JsonNode dataset) {
    for (String text :
        List.of(
            "id",
            "name",
            "title",
            "notes",
            "state",
            "type",
            "metadata_created",
            "metadata_modified",
            "owner_org")) {
      assertThat(dataset.path(text).isTextual()).as(text).isTrue();
    }
    assertThat(dataset.path("name").asText()).matches("[a-z0-9_-]{2,100}");
    assertThat(dataset.path("private").isBoolean()).isTrue();
    assertThat(dataset.path("num_resources").isInt()).isTrue();
    assertThat(dataset.path("num_tags").isInt()).isTrue();
    assertThat(dataset.path("organization").path("is_organization").asBoolean()).isTrue();
    assertThat(dataset.path("tags").get(0).path("name").isTextual()).isTrue();
    assertThat(dataset.path("groups").isArray()).isTrue();
    assertThat(dataset.path("extras").get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("key", "value");
    for (JsonNode resource : dataset.path("resources")) {
      assertThat(resource.path("url").isTextual()).isTrue();
      assertThat(resource.path("format").isTextual()).isTrue();
      assertThat(resource.path("position").isInt()).isTrue();
    }
  }

  private void assertCkanError(String url, int status, String type) throws Exception {
    ResponseEntity<String> response = http.getForEntity(url, String.class);
    assertThat(response.getStatusCode().value()).as(url).isEqualTo(status);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.path("success").asBoolean(true)).as(url).isFalse();
    assertThat(body.path("error").path("__type").asText()).as(url).isEqualTo(type);
    assertThat(body.path("error").path("message").isTextual()).as(url).isTrue();
  }

  private static void assertNoLeak(ResponseEntity<String> response) {
    String body = String.valueOf(response.getBody()).toLowerCase(java.util.Locale.ROOT);
    assertThat(body)
        .doesNotContain("exception")
        .doesNotContain("query_shard")
        .doesNotContain("elasticsearch")
        .doesNotContain("at cn.govdata");
  }

  private Model parse(String url, Lang lang) {
    String body = http.getForObject(url, String.class);
    Model model = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader(body)).lang(lang).parse(model);
    return model;
  }

  /**
   * DCAT-AP 3.0.0's official shapes, read from {@code ../shared/data/dcat-ap-3.0.0/} beside the
   * repository (the main checkout and CI have it there; a worktree finds it further up).
   */
  static org.apache.jena.graph.Graph officialShapes() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path shapes = dir.resolve("shared/data/dcat-ap-3.0.0");
      if (Files.isRegularFile(shapes.resolve("dcat-ap-SHACL.ttl"))) {
        Model model = RDFDataMgr.loadModel(shapes.resolve("dcat-ap-SHACL.ttl").toString());
        model.add(RDFDataMgr.loadModel(shapes.resolve("range.ttl").toString()));
        return model.getGraph();
      }
    }
    throw new IllegalStateException("no shared/data/dcat-ap-3.0.0 above " + start);
  }

  private static HttpHeaders session(ResponseEntity<String> response) {
    HttpHeaders headers = new HttpHeaders();
    List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      for (String cookie : cookies) {
        headers.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]);
      }
    }
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return headers;
  }

  private static String csrf(String html) {
    Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
    assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
    return matcher.group(1);
  }
}
