package cn.govdata.catalog.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.security.Users;
import cn.govdata.governance.codes.IdentityNumbers;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The data API against the real SQL gateway, started as its own process with its generated demo
 * zone (people with valid identity numbers, households, air quality; nothing real). The catalog
 * holds the same departments (same credit codes, so the gateway's policies name them), publishes
 * the three datasets, maps them to the gateway's tables and writes the gateway's user file, so
 * every key created here signs in at the gateway. The gateway takes its policies as it does in
 * Kubernetes: it polls the catalog's {@code /api/v1/policies/ranger} with the key of a {@code
 * POLICY_READER}, not the policy file the catalog also writes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "govdata.security.bcrypt-strength=4",
      "govdata.data-api.burst=3",
      // keys not made for the limit tests must never be throttled, however fast the machine
      "govdata.data-api.requests-per-second=10000"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataApiGatewayIT {

  static final String PASSWORD = "it-password-1";
  static final Pattern EIGHTEEN_DIGITS = Pattern.compile("\\d{17}[\\dX]");
  static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  // the catalog checks credit codes, so the departments are generated with valid ones; the catalog
  // compiles the gateway's policies for them (replacing those of the gateway's own demo zone)
  static final ProviderDepartment POLICE =
      Fixtures.department("测试省公安厅", 901, "440000", AdministrativeLevel.PROVINCE);
  static final ProviderDepartment FOSHAN_HEALTH =
      Fixtures.department("测试佛山市卫生健康局", 902, "440600", AdministrativeLevel.CITY);
  static final ProviderDepartment NANHAI_CIVIL_AFFAIRS =
      Fixtures.department("测试南海区民政局", 903, "440605", AdministrativeLevel.COUNTY);
  static final ProviderDepartment ECOLOGY =
      Fixtures.department("测试省生态环境厅", 904, "440000", AdministrativeLevel.PROVINCE);

  static final String POLICY_READER = "gateway-policy-it";
  static final String POLICY_KEY =
      "gd_policy_reader_" + UUID.randomUUID().toString().replace("-", "");

  static SqlGatewayProcess gateway;
  static Path policyFile;

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Users users;
  @Autowired DepartmentRepository departments;

  final Map<String, String> keys = new HashMap<>();
  final Map<String, Long> keyIds = new HashMap<>();
  long person;
  long household;
  String householdCode;
  long airQuality;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    Path home = Files.createTempDirectory("govdata-dataapi-gateway");
    int catalogPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      catalogPort = socket.getLocalPort();
    }
    // until the catalog is up and the key registered the gateway has no policies and denies
    gateway =
        SqlGatewayProcess.startDemo(
            home,
            300,
            Map.of(
                "spark.govdata.policy.url",
                "http://127.0.0.1:" + catalogPort + "/api/v1/policies/ranger",
                "spark.govdata.policy.keyEnv",
                "GOVDATA_IT_POLICY_KEY"),
            Map.of("GOVDATA_IT_POLICY_KEY", POLICY_KEY));
    policyFile = home.resolve("catalog-policies.json");
    registry.add("server.port", () -> catalogPort);
    registry.add("govdata.home", () -> "target/it-home/" + UUID.randomUUID());
    registry.add("govdata.data-api.gateway-url", gateway::jdbcUrl);
    registry.add("govdata.data-api.gateway-users-file", () -> gateway.usersFile().toString());
    registry.add("govdata.data-api.gateway-policy-file", policyFile::toString);
  }

  @AfterAll
  void stopGateway() {
    gateway.close();
  }

  @BeforeAll
  void zone() throws Exception {
    long police = departments.create(POLICE).id();
    long health = departments.create(FOSHAN_HEALTH).id();
    long nanhai = departments.create(NANHAI_CIVIL_AFFAIRS).id();
    departments.create(ECOLOGY);
    users.create("police-it", PASSWORD, Role.CATALOGUER, police);
    users.create("analyst-it", PASSWORD, Role.CATALOGUER, health);
    users.create("clerk-it", PASSWORD, Role.CATALOGUER, nanhai);
    users.create("admin-it", PASSWORD, Role.GOVERNANCE_ADMIN, null);
    users.create("dev-it", PASSWORD, Role.DEVELOPER, null);
    users.create(POLICY_READER, null, Role.POLICY_READER, null);
    users.registerApiKey(POLICY_READER, POLICY_KEY, "sql gateway");
    keys.put(POLICY_READER, POLICY_KEY);
    for (String user : List.of("police-it", "analyst-it", "clerk-it", "dev-it")) {
      keys.put(user, createKey(user, Map.of("label", "it")));
    }

    Map<String, String> personColumns = new LinkedHashMap<>();
    personColumns.put("公民身份号码", "id_number");
    personColumns.put("姓名", "full_name");
    personColumns.put("手机号码", "mobile");
    personColumns.put("住址", "home_address");
    personColumns.put("行政区划代码", "region_code");
    personColumns.put("出生日期", "birth_date");
    person =
        publish(
            resource(
                "户籍人口基本信息",
                POLICE,
                population("001", "户籍人口"),
                List.of(
                    item("公民身份号码", DataType.STRING, SensitivityTag.IDENTITY_NUMBER),
                    item("姓名", DataType.STRING, SensitivityTag.PERSON_NAME),
                    item("手机号码", DataType.STRING, SensitivityTag.MOBILE),
                    item("住址", DataType.STRING, SensitivityTag.ADDRESS),
                    item("行政区划代码", DataType.STRING, SensitivityTag.NONE),
                    item("出生日期", DataType.DATE, SensitivityTag.NONE)),
                new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.API),
                OpenAttribute.notOpen(),
                new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3)),
            null);
    map(person, "population", "person", personColumns, "region_code");

    Map<String, String> householdColumns = new LinkedHashMap<>();
    householdColumns.put("户号", "household_no");
    householdColumns.put("户主公民身份号码", "head_id_number");
    householdColumns.put("行政区划代码", "region_code");
    household =
        publish(
            resource(
                "户籍家庭户信息",
                POLICE,
                population("002", "户籍家庭"),
                List.of(
                    item("户号", DataType.STRING, SensitivityTag.NONE),
                    item("户主公民身份号码", DataType.STRING, SensitivityTag.IDENTITY_NUMBER),
                    item("行政区划代码", DataType.STRING, SensitivityTag.NONE)),
                new ShareAttribute(ShareType.CONDITIONAL, "仅用于社会救助与公共卫生服务", null, ShareMethod.API),
                OpenAttribute.notOpen(),
                new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3)),
            null);
    map(household, "population", "household", householdColumns, "region_code");
    householdCode = entry(household).path("code").asText();

    Map<String, String> airColumns = new LinkedHashMap<>();
    airColumns.put("监测站点", "station");
    airColumns.put("行政区划代码", "region_code");
    airColumns.put("空气质量指数", "aqi");
    airColumns.put("监测日期", "observed_on");
    ResponseEntity<String> batch =
        call(
            "admin-it",
            HttpMethod.POST,
            "/api/v1/batches",
            Map.of("title", "数据接口测试批", "plannedDate", "2026-06-30"));
    assertThat(batch.getStatusCode().value()).as(batch.getBody()).isEqualTo(201);
    airQuality =
        publish(
            resource(
                "城市空气质量日报",
                ECOLOGY,
                new Classification(
                    ResourceCategory.THEMATIC, "11", "生态环保", "001", "空气质量", null, null),
                List.of(
                    item("监测站点", DataType.STRING, SensitivityTag.NONE),
                    item("行政区划代码", DataType.STRING, SensitivityTag.NONE),
                    item("空气质量指数", DataType.NUMBER, SensitivityTag.NONE),
                    item("监测日期", DataType.DATE, SensitivityTag.NONE)),
                new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.FILE_DOWNLOAD),
                new OpenAttribute(OpenType.UNCONDITIONAL, null),
                new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1)),
            body(batch).path("number").asInt());
    map(airQuality, "open_data", "air_quality", airColumns, null);
    gatewayPolicies();
  }

  /**
   * Waits until the gateway has loaded the policies the catalog compiled from its mapped entries
   * (GatewayPolicies compiles them afresh for every poll; the gateway polls every 30 s).
   */
  void gatewayPolicies() throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
    while (true) {
      try {
        // the gateway's own demo policies already let any government user read masked rows;
        // the owner seeing a clear value shows the catalog's policies are in force
        List<List<Object>> rows =
            jdbcRows(
                "police-it",
                keys.get("police-it"),
                "SELECT id_number FROM population.person LIMIT 1");
        if (!rows.isEmpty() && IdentityNumbers.isValid((String) rows.get(0).get(0))) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the gateway did not load the catalog's policies: " + rows);
        }
        Thread.sleep(1000);
      } catch (SQLException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(1000);
      }
    }
  }

  // ------------------------------------------------------------- same values as over JDBC

  @Test
  void anUnprivilegedDepartmentGetsTheSameMaskedRowsAsOverJdbc() throws SQLException {
    JsonNode answer =
        body(data("analyst-it", person, Map.of("$order", "id_number", "$limit", "50")));
    List<List<Object>> overJdbc =
        jdbcRows(
            "analyst-it",
            keys.get("analyst-it"),
            "SELECT id_number, full_name, mobile, home_address, region_code, birth_date FROM"
                + " population.person ORDER BY id_number LIMIT 50");

    assertThat(overJdbc).isNotEmpty();
    List<List<Object>> overApi = new ArrayList<>();
    for (JsonNode record : answer.path("records")) {
      overApi.add(
          List.of(
              record.path("id_number").asText(),
              record.path("full_name").asText(),
              record.path("mobile").asText(),
              record.path("home_address").asText(),
              record.path("region_code").asText(),
              record.path("birth_date").asText()));
    }
    assertThat(overApi).isEqualTo(overJdbc);
    // masked, and only the rows of the analyst's city (the gateway's region row filter)
    for (List<Object> row : overApi) {
      assertThat((String) row.get(0)).contains("*");
      assertThat((String) row.get(4)).startsWith("4406");
    }
    assertNoClearPersonalData(answer.toString());
  }

  @Test
  void theOwnerDepartmentSeesClearValues() {
    JsonNode answer = body(data("police-it", person, Map.of("$limit", "20")));
    assertThat(answer.path("records")).hasSize(20);
    for (JsonNode record : answer.path("records")) {
      assertThat(IdentityNumbers.isValid(record.path("id_number").asText()))
          .as(record.toString())
          .isTrue();
    }
  }

  @Test
  void csvDownloadsKeepTheMasks() {
    ResponseEntity<String> csv =
        data("analyst-it", person, Map.of("format", "csv", "$limit", "200"));
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("id_number,full_name,mobile");
    assertThat(csv.getBody().lines().count()).isGreaterThan(10);
    assertNoClearPersonalData(csv.getBody());
  }

  @Test
  void ckanStyleFiltersAndFieldsMatchSoql() {
    JsonNode ckan =
        body(
            data(
                "dev-it",
                airQuality,
                Map.of(
                    "filters", "{\"region_code\": [\"440604\", \"440605\"]}",
                    "fields", "station,aqi",
                    "sort", "aqi desc, station, observed_on",
                    "limit", "1000")));
    JsonNode soql =
        body(
            data(
                "dev-it",
                airQuality,
                Map.of(
                    "$where", "region_code IN ('440604', '440605')",
                    "$select", "station,aqi",
                    "$order", "aqi desc, station, observed_on",
                    "$limit", "1000")));
    assertThat(ckan.path("records").size()).isEqualTo(60);
    assertThat(ckan.path("records")).isEqualTo(soql.path("records"));
    assertThat(ckan.path("records").get(0).fieldNames())
        .toIterable()
        .containsExactly("station", "aqi");
  }

  // ------------------------------------------------------------- isolation

  @Test
  void aDepartmentCannotReadAnotherDepartmentsConditionalDatasetByAnyId() {
    for (String id : List.of(String.valueOf(household), householdCode)) {
      for (String user : List.of("clerk-it", "analyst-it")) {
        ResponseEntity<String> answer = data(user, id, Map.of());
        assertThat(answer.getStatusCode().value()).as(user + " " + id).isEqualTo(403);
        assertThat(body(answer).path("rule").asText()).isEqualTo("data.application-required");
      }
    }
    // the owner reads it
    assertThat(data("police-it", householdCode, Map.of()).getStatusCode().value()).isEqualTo(200);
    // developers do not even see shared datasets
    assertThat(data("dev-it", String.valueOf(person), Map.of()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(data("dev-it", String.valueOf(household), Map.of()).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void theDataApiNeedsTheCallersOwnKey() {
    ResponseEntity<String> basic =
        http.withBasicAuth("analyst-it", PASSWORD)
            .exchange(
                URI.create(http.getRootUri() + "/api/v1/data/" + person),
                HttpMethod.GET,
                HttpEntity.EMPTY,
                String.class);
    assertThat(basic.getStatusCode().value()).isEqualTo(403);
    assertThat(body(basic).path("rule").asText()).isEqualTo("api-key.required");
    ResponseEntity<String> anonymous =
        http.exchange(
            URI.create(http.getRootUri() + "/api/v1/data/" + airQuality),
            HttpMethod.GET,
            HttpEntity.EMPTY,
            String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
  }

  // ------------------------------------------------------------- injection

  @Test
  void injectionStringsMatchOnlyLiterally() {
    String station =
        body(data("dev-it", airQuality, Map.of("$limit", "1")))
            .path("records")
            .get(0)
            .path("station")
            .asText();
    int stationRows =
        body(data(
                "dev-it",
                airQuality,
                Map.of("$where", "station = '" + station + "'", "$limit", "1000")))
            .path("records")
            .size();
    assertThat(stationRows).isEqualTo(30);
    List<Map<String, String>> attacks =
        List.of(
            Map.of("$where", "station = 'x'' OR ''1''=''1'"),
            Map.of("$where", "station = 'x\\'' OR 1=1 --'"),
            Map.of("$where", "station = '" + station + "\\'' OR 1=1 --'"),
            Map.of("$where", "station LIKE 'x'' OR station LIKE ''%'"),
            Map.of("filters", "{\"station\": \"x' OR '1'='1\"}"),
            Map.of("filters", "{\"station\": \"x\\\\' OR 1=1 --\"}"),
            Map.of("q", "%"),
            Map.of("q", "' OR '1'='1"),
            Map.of("q", "\\' OR 1=1 --"));
    for (Map<String, String> attack : attacks) {
      ResponseEntity<String> answer = data("dev-it", airQuality, attack);
      assertThat(answer.getStatusCode().value()).as(attack + " " + answer.getBody()).isEqualTo(200);
      assertThat(body(answer).path("records").size()).as(attack.toString()).isZero();
    }
    // a value with a quote in it is still a value
    assertThat(
            data(
                    "dev-it",
                    airQuality,
                    Map.of("$where", "station = '" + station + "'' OR ''1''=''1'"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    ResponseEntity<String> outside =
        data("dev-it", airQuality, Map.of("$where", "station = 'x' OR 1=1"));
    assertThat(outside.getStatusCode().value()).isEqualTo(400);
    assertThat(body(outside).path("violations").get(0).path("field").asText()).isEqualTo("$where");
    ResponseEntity<String> otherTable =
        data("dev-it", airQuality, Map.of("$select", "station FROM population.person --"));
    assertThat(otherTable.getStatusCode().value()).isEqualTo(400);
  }

  // ------------------------------------------------------------- limits and usage

  @Test
  void overTheRateTheAnswerIs429WithRetryAfterAndUsageIsCounted() {
    String key = createKey("admin-it", Map.of("owner", "dev-it", "requestsPerSecond", 1));
    List<Integer> statuses = new ArrayList<>();
    ResponseEntity<String> refused = null;
    // a burst of 3 and 1 request/s: twelve requests in a row outrun the refill unless each one
    // takes over a second
    for (int i = 0; i < 12; i++) {
      ResponseEntity<String> answer =
          dataWithKey(key, String.valueOf(airQuality), Map.of("$limit", "2"));
      statuses.add(answer.getStatusCode().value());
      if (answer.getStatusCode().value() == 429) {
        refused = answer;
      }
    }
    assertThat(statuses).contains(200, 429);
    assertThat(refused.getHeaders().getFirst("Retry-After")).matches("[1-9]\\d*");
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(body(refused).path("rule").asText()).isEqualTo("api-key.rate");

    long keyId = keyId("dev-it", key);
    JsonNode usage = body(call("dev-it", HttpMethod.GET, "/api/v1/api-usage?key=" + keyId, null));
    assertThat(usage).hasSize(1);
    assertThat(usage.get(0).path("entryId").asLong()).isEqualTo(airQuality);
    assertThat(usage.get(0).path("requests").asLong())
        .isEqualTo(statuses.stream().filter(s -> s == 200).count());
    assertThat(usage.get(0).path("rows").asLong())
        .isEqualTo(2 * usage.get(0).path("requests").asLong());
    assertThat(usage.get(0).path("refused").asLong())
        .isEqualTo(statuses.stream().filter(s -> s == 429).count());
    // another developer's key is not found; the admin sees it
    assertThat(
            call("analyst-it", HttpMethod.GET, "/api/v1/api-usage?key=" + keyId, null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(body(call("admin-it", HttpMethod.GET, "/api/v1/api-usage?key=" + keyId, null)))
        .hasSize(1);
  }

  @Test
  void overTheDailyQuotaTheAnswerIs429UntilMidnight() {
    String key =
        createKey(
            "admin-it", Map.of("owner", "dev-it", "requestsPerSecond", 1000, "dailyRequests", 2));
    assertThat(dataWithKey(key, String.valueOf(airQuality), Map.of()).getStatusCode().value())
        .isEqualTo(200);
    assertThat(dataWithKey(key, String.valueOf(airQuality), Map.of()).getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<String> third = dataWithKey(key, String.valueOf(airQuality), Map.of());
    assertThat(third.getStatusCode().value()).isEqualTo(429);
    assertThat(body(third).path("rule").asText()).isEqualTo("api-key.daily-requests");
    assertThat(Long.parseLong(third.getHeaders().getFirst("Retry-After"))).isBetween(1L, 86_401L);
  }

  @Test
  void keysAreListedWithoutSecretsAndARevokedKeyStopsAtTheApiAndTheGateway() throws Exception {
    String key = createKey("dev-it", Map.of("label", "to revoke"));
    long id = keyId("dev-it", key);
    JsonNode listed = body(call("dev-it", HttpMethod.GET, "/api/v1/api-keys", null));
    assertThat(listed.toString()).doesNotContain(key).doesNotContain("Hash");
    assertThat(listed).allMatch(k -> k.path("owner").asText().equals("dev-it"));
    // a developer cannot revoke someone else's key, nor give themselves limits
    long analystKey = keyId("analyst-it", keys.get("analyst-it"));
    assertThat(
            call("dev-it", HttpMethod.DELETE, "/api/v1/api-keys/" + analystKey, null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            call("dev-it", HttpMethod.POST, "/api/v1/api-keys", Map.of("dailyRows", 1_000_000_000))
                .getStatusCode()
                .value())
        .isEqualTo(403);

    assertThat(dataWithKey(key, String.valueOf(airQuality), Map.of()).getStatusCode().value())
        .isEqualTo(200);
    assertThat(
            call("dev-it", HttpMethod.DELETE, "/api/v1/api-keys/" + id, null)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(dataWithKey(key, String.valueOf(airQuality), Map.of()).getStatusCode().value())
        .isEqualTo(401);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbcRows("dev-it", key, "SELECT 1"))
        .isInstanceOf(SQLException.class);
  }

  // ------------------------------------------------------------- the gateway's policy source

  @Test
  void thePolicyEndpointServesTheCompiledFileToThePolicyReaderOnly() throws Exception {
    ResponseEntity<String> policies =
        call(POLICY_READER + "-key", HttpMethod.GET, "/api/v1/policies/ranger", null);
    assertThat(policies.getStatusCode().value()).as(policies.getBody()).isEqualTo(200);
    String etag = policies.getHeaders().getETag();
    assertThat(etag).matches("\"[0-9a-f]{64}\"");
    // the very document the catalog writes for a gateway on the same machine
    assertThat(policies.getBody()).isEqualTo(Files.readString(policyFile));
    assertThat(body(policies).path("policies").size()).isGreaterThan(3);
    assertThat(policies.getBody()).contains("population").contains("household");

    HttpHeaders ifNoneMatch = new HttpHeaders();
    ifNoneMatch.set("X-API-Key", POLICY_KEY);
    ifNoneMatch.setIfNoneMatch(etag);
    ResponseEntity<String> unchanged =
        http.exchange(
            URI.create(http.getRootUri() + "/api/v1/policies/ranger"),
            HttpMethod.GET,
            new HttpEntity<>(ifNoneMatch),
            String.class);
    assertThat(unchanged.getStatusCode().value()).isEqualTo(304);
    assertThat(unchanged.getBody()).isNull();
    assertThat(unchanged.getHeaders().getETag()).isEqualTo(etag);

    ResponseEntity<String> anonymous =
        http.exchange(
            URI.create(http.getRootUri() + "/api/v1/policies/ranger"),
            HttpMethod.GET,
            HttpEntity.EMPTY,
            String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    for (String other : List.of("admin-it", "police-it", "dev-it-key")) {
      assertThat(
              call(other, HttpMethod.GET, "/api/v1/policies/ranger", null).getStatusCode().value())
          .as(other)
          .isEqualTo(403);
    }
    // the policy reader's key opens nothing else
    assertThat(
            call(POLICY_READER + "-key", HttpMethod.GET, "/api/v1/users", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void anApprovalReachesTheGatewayThroughThePolicyEndpointAndARevocationRemovesIt()
      throws Exception {
    long rescue =
        departments
            .create(Fixtures.department("测试佛山市应急管理局", 905, "440600", AdministrativeLevel.CITY))
            .id();
    users.create("rescue-it", PASSWORD, Role.CATALOGUER, rescue);
    String key = createKey("rescue-it", Map.of("label", "it"));
    String query = "SELECT household_no, region_code FROM population.household LIMIT 20";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbcRows("rescue-it", key, query))
        .hasMessageContaining("Permission denied");
    String before =
        call(POLICY_READER + "-key", HttpMethod.GET, "/api/v1/policies/ranger", null)
            .getHeaders()
            .getETag();

    Map<String, Object> request = new HashMap<>();
    request.put("entryId", household);
    request.put("purpose", "灾害救助核查受灾家庭户");
    request.put("legalBasis", "《自然灾害救助条例》");
    request.put("items", List.of("户号", "行政区划代码"));
    request.put("regionCodes", List.of());
    request.put("validFrom", java.time.LocalDate.now().toString());
    request.put("validUntil", java.time.LocalDate.now().plusDays(30).toString());
    ResponseEntity<String> applied =
        call("rescue-it", HttpMethod.POST, "/api/v1/applications", request);
    assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(201);
    long application = body(applied).path("id").asLong();
    ResponseEntity<String> approved =
        call(
            "police-it",
            HttpMethod.POST,
            "/api/v1/applications/" + application + "/approve",
            Map.of());
    assertThat(body(approved).path("status").asText()).as(approved.getBody()).isEqualTo("APPROVED");

    ResponseEntity<String> after =
        call(POLICY_READER + "-key", HttpMethod.GET, "/api/v1/policies/ranger", null);
    assertThat(after.getHeaders().getETag()).isNotEqualTo(before);
    List<List<Object>> rows = awaitGateway("rescue-it", key, query, true);
    assertThat(rows).isNotEmpty().allMatch(row -> ((String) row.get(1)).startsWith("4406"));

    ResponseEntity<String> revoked =
        call(
            "police-it",
            HttpMethod.POST,
            "/api/v1/applications/" + application + "/revoke",
            Map.of("reason", "救助核查结束"));
    assertThat(body(revoked).path("status").asText()).as(revoked.getBody()).isEqualTo("REVOKED");
    awaitGateway("rescue-it", key, query, false);
    assertThat(
            call(POLICY_READER + "-key", HttpMethod.GET, "/api/v1/policies/ranger", null)
                .getHeaders()
                .getETag())
        .isEqualTo(before);
  }

  /**
   * The rows of {@code sql} once the gateway has polled the catalog and allows ({@code allowed}) or
   * denies it; the gateway polls every 30 s.
   */
  static List<List<Object>> awaitGateway(String user, String key, String sql, boolean allowed)
      throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    while (true) {
      String outcome;
      try {
        List<List<Object>> rows = jdbcRows(user, key, sql);
        if (allowed) {
          return rows;
        }
        outcome = "allowed: " + rows;
      } catch (SQLException denied) {
        if (!allowed && String.valueOf(denied.getMessage()).contains("Permission denied")) {
          return List.of();
        }
        outcome = denied.toString();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the gateway did not follow the catalog's policies: " + outcome);
      }
      Thread.sleep(1000);
    }
  }

  @Test
  void theSchemaDescribesEachFieldAndTheOpenApiDocumentTheOpenDatasets() {
    JsonNode schema =
        body(call("dev-it-key", HttpMethod.GET, "/api/v1/data/" + airQuality + "/schema", null));
    assertThat(schema.path("fields"))
        .extracting(
            f ->
                f.path("name").asText()
                    + ":"
                    + f.path("item").asText()
                    + ":"
                    + f.path("type").asText())
        .containsExactly(
            "station:监测站点:STRING",
            "region_code:行政区划代码:STRING",
            "aqi:空气质量指数:NUMBER",
            "observed_on:监测日期:DATE");
    JsonNode openApi = body(http.getForEntity("/v3/api-docs", String.class));
    String schemaName = "Dataset" + airQuality;
    assertThat(
            openApi
                .path("components")
                .path("schemas")
                .path(schemaName)
                .path("properties")
                .path("aqi")
                .path("type")
                .asText())
        .isEqualTo("number");
    assertThat(openApi.path("components").path("schemas").has("Dataset" + person)).isFalse();
  }

  // ------------------------------------------------------------- helpers

  static void assertNoClearPersonalData(String text) {
    Matcher ids = EIGHTEEN_DIGITS.matcher(text);
    while (ids.find()) {
      assertThat(IdentityNumbers.isValid(ids.group()))
          .as("clear identity number " + ids.group())
          .isFalse();
    }
    assertThat(MOBILE.matcher(text).find())
        .as("clear mobile in " + text.substring(0, Math.min(300, text.length())))
        .isFalse();
  }

  ResponseEntity<String> data(String user, long entry, Map<String, String> query) {
    return data(user, String.valueOf(entry), query);
  }

  ResponseEntity<String> data(String user, String id, Map<String, String> query) {
    return dataWithKey(keys.get(user), id, query);
  }

  ResponseEntity<String> dataWithKey(String key, String id, Map<String, String> query) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromUriString(http.getRootUri() + "/api/v1/data/" + id);
    Map<String, String> values = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      uri.queryParam(parameter.getKey(), "{v" + n + "}");
      values.put("v" + n++, parameter.getValue());
    }
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-API-Key", key);
    return http.exchange(
        uri.encode().buildAndExpand(values).toUri(),
        HttpMethod.GET,
        new HttpEntity<>(headers),
        String.class);
  }

  String createKey(String user, Map<String, Object> request) {
    ResponseEntity<String> created = call(user, HttpMethod.POST, "/api/v1/api-keys", request);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String key = body(created).path("apiKey").asText();
    keyIds.put(key, body(created).path("key").path("id").asLong());
    return key;
  }

  long keyId(String user, String key) {
    return keyIds.get(key);
  }

  /** The rows of {@code sql} over plain Hive JDBC, as a BI tool with the same key gets them. */
  static List<List<Object>> jdbcRows(String user, String key, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(gateway.jdbcUrl(), user, key);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(result.getObject(i)));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  long publish(InformationResource resource, Integer batch) {
    ResponseEntity<String> created = call("admin-it", HttpMethod.POST, "/api/v1/entries", resource);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    long id = body(created).path("id").asLong();
    for (String to : List.of("SUBMITTED", "APPROVED", "PUBLISHED")) {
      Map<String, Object> transition = new HashMap<>();
      transition.put("to", to);
      transition.put("openBatch", to.equals("PUBLISHED") ? batch : null);
      ResponseEntity<String> moved =
          call("admin-it", HttpMethod.POST, "/api/v1/entries/" + id + "/transitions", transition);
      assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
    }
    return id;
  }

  void map(
      long entry, String database, String table, Map<String, String> columns, String regionColumn)
      throws Exception {
    ResponseEntity<String> mapped =
        call(
            "admin-it",
            HttpMethod.PUT,
            "/api/v1/data/" + entry + "/table",
            regionColumn == null
                ? Map.of("database", database, "table", table, "columns", columns)
                : Map.of(
                    "database",
                    database,
                    "table",
                    table,
                    "columns",
                    columns,
                    "regionColumn",
                    regionColumn));
    assertThat(mapped.getStatusCode().value()).as(mapped.getBody()).isEqualTo(200);
  }

  JsonNode entry(long id) {
    return body(call("admin-it", HttpMethod.GET, "/api/v1/entries/" + id, null));
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    TestRestTemplate client = http;
    if (user.endsWith("-key")) {
      headers.set("X-API-Key", keys.get(user.substring(0, user.length() - 4)));
    } else {
      client = http.withBasicAuth(user, PASSWORD);
    }
    return client.exchange(
        URI.create(http.getRootUri() + path),
        method,
        new HttpEntity<>(body, headers),
        String.class);
  }

  JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.getBody(), e);
    }
  }

  static Classification population(String code, String name) {
    return new Classification(ResourceCategory.BASIC, "01", "人口", code, name, null, null);
  }

  static InformationItem item(String name, DataType type, SensitivityTag tag) {
    return new InformationItem(name, type, null, null, tag);
  }

  static InformationResource resource(
      String name,
      ProviderDepartment provider,
      Classification classification,
      List<InformationItem> items,
      ShareAttribute share,
      OpenAttribute open,
      DataGrade grade) {
    return new InformationResource(
        null,
        classification,
        name,
        provider,
        name + "(测试数据,全部为生成数据)",
        new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
        items,
        share,
        open,
        UpdateCycle.DAILY,
        null,
        List.of(),
        List.of(),
        grade);
  }
}
