package cn.govdata.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.security.Users;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.policy.PlatformGroups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Applications and approvals over HTTP, as applicant, provider, a third department and the public,
 * against one database; subclasses bind H2 and PostgreSQL. The policies the approvals compile are
 * read back from the file the gateway reads.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"govdata.security.bcrypt-strength=4"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
abstract class AbstractApplicationApiIT {

  static final String PASSWORD = "it-password-1";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Users users;
  @Autowired DepartmentRepository departments;
  @Autowired ApplicationService service;
  @Autowired GovdataProperties properties;
  @Autowired PolicyPublisher publisher;
  @Autowired ApplicationEvents events;

  ProviderDepartment provider;
  Department providerDepartment;
  Department applicantDepartment;
  Department thirdDepartment;
  String developerKey;
  long conditionalEntry;
  long unconditionalEntry;
  String conditionalCode;

  @BeforeAll
  void zone() throws IOException {
    provider = Fixtures.department("测试市数据局", 11, "440600", AdministrativeLevel.CITY);
    providerDepartment = departments.create(provider);
    applicantDepartment =
        departments.create(Fixtures.department("测试区民政局", 12, "440604", AdministrativeLevel.COUNTY));
    thirdDepartment =
        departments.create(Fixtures.department("测试区教育局", 13, "440605", AdministrativeLevel.COUNTY));
    users.create("provider", PASSWORD, Role.CATALOGUER, providerDepartment.id());
    users.create("applicant", PASSWORD, Role.CATALOGUER, applicantDepartment.id());
    users.create("third", PASSWORD, Role.CATALOGUER, thirdDepartment.id());
    users.create("rev", PASSWORD, Role.REVIEWER, null);
    users.create("gov", PASSWORD, Role.GOVERNANCE_ADMIN, null);
    users.create("dev", null, Role.DEVELOPER, null);
    developerKey = "key:" + users.issueApiKey("dev", "it");

    conditionalEntry =
        publish(
            Fixtures.conditionalResource(
                provider, Fixtures.departmental("201", "测试目201"), "测试有条件资源"));
    unconditionalEntry =
        publish(Fixtures.openResource(provider, Fixtures.departmental("202", "测试目202"), "测试无条件资源"));
    conditionalCode =
        body(call("provider", HttpMethod.GET, "/api/v1/entries/" + conditionalEntry, null))
            .path("code")
            .asText();
    // the fixture's two items are a date and a count; the count column stands in for a region
    // column, which only has to be one of the bound columns for the compiler
    Path policies = properties.home().resolve("policies");
    Files.createDirectories(policies);
    Files.writeString(
        policies.resolve("tables.json"),
        json.writeValueAsString(
            List.of(
                Map.of(
                    "resourceCode", conditionalCode,
                    "database", "civil",
                    "table", "monthly_count",
                    "columnsByItem", Map.of("统计日期", "stat_date", "数量", "amount"),
                    "regionColumn", "amount"))));
  }

  // ------------------------------------------------------------ share applications

  @Test
  void approvedShareApplicationGrantsTheNarrowedColumnsAndRegionsUntilRevoked() {
    long id = apply("applicant", shareRequest(List.of("统计日期", "数量"), List.of("440604")));

    JsonNode seenByProvider =
        body(call("provider", HttpMethod.GET, "/api/v1/applications/" + id, null));
    assertThat(seenByProvider.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(seenByProvider.path("kind").asText()).isEqualTo("SHARE");

    Map<String, Object> narrowing = new HashMap<>();
    narrowing.put("items", List.of("数量"));
    narrowing.put("validUntil", LocalDate.now().plusDays(10).toString());
    narrowing.put("reason", "仅批准数量");
    JsonNode approved =
        body(
            call(
                "provider", HttpMethod.POST, "/api/v1/applications/" + id + "/approve", narrowing));
    assertThat(approved.path("status").asText()).as(approved.toString()).isEqualTo("APPROVED");
    assertThat(approved.path("grantedItems").toString()).isEqualTo("[\"数量\"]");

    String group = PlatformGroups.department(applicantDepartment.creditCode());
    JsonNode grant = grantOf(group, null);
    assertThat(grant).as("the application's access policy for %s", group).isNotNull();
    assertThat(grant.path("resources").path("column").path("values").toString())
        .isEqualTo("[\"amount\"]");
    assertThat(grant.path("validitySchedules").get(0).path("endTime").asText())
        .isEqualTo(LocalDate.now().plusDays(10).toString().replace('-', '/') + " 23:59:59");
    assertThat(rowFilterFor(group)).isEqualTo("amount LIKE '440604%'");
    assertThat(applicationPolicy("dataset", group, null))
        .as("a narrowed grant gives no whole-dataset download")
        .isNull();

    List<String> applicantHistory = actions("applicant", id);
    assertThat(applicantHistory).containsExactly("SUBMITTED", "APPROVED");
    assertThat(actions("provider", id)).isEqualTo(applicantHistory);
    JsonNode audit =
        body(call("rev", HttpMethod.GET, "/api/v1/audit?entryId=" + conditionalEntry, null));
    assertThat(audit.path("items").findValuesAsText("action"))
        .contains("APPLICATION_SUBMITTED", "APPLICATION_APPROVED");

    assertProblem(
        call("provider", HttpMethod.POST, "/api/v1/applications/" + id + "/revoke", Map.of()),
        400,
        "required");
    JsonNode revoked =
        body(
            call(
                "provider",
                HttpMethod.POST,
                "/api/v1/applications/" + id + "/revoke",
                Map.of("reason", "用途已结束")));
    assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
    assertThat(grantOf(group, null)).isNull();
    assertThat(rowFilterFor(group))
        .isEqualTo("amount LIKE '440604%'")
        .as("the department's default filter stays");
    assertThat(actions("applicant", id)).containsExactly("SUBMITTED", "APPROVED", "REVOKED");
  }

  @Test
  void aThirdDepartmentSeesAndDecidesNothing() {
    long id = apply("applicant", shareRequest(List.of("数量"), List.of()));
    assertProblem(
        call("third", HttpMethod.GET, "/api/v1/applications/" + id, null), 404, "not-found");
    assertProblem(
        call("third", HttpMethod.GET, "/api/v1/applications/" + id + "/history", null),
        404,
        "not-found");
    assertProblem(
        call("third", HttpMethod.POST, "/api/v1/applications/" + id + "/approve", Map.of()),
        404,
        "not-found");
    assertThat(ids("third")).doesNotContain(id);
    assertThat(ids("applicant")).contains(id);
    assertThat(ids("provider")).contains(id);
    assertProblem(
        call("applicant", HttpMethod.POST, "/api/v1/applications/" + id + "/approve", Map.of()),
        403,
        "application.provider-only");
    assertProblem(
        call(null, HttpMethod.GET, "/api/v1/applications/" + id, null),
        401,
        "authentication.required");

    JsonNode refused =
        body(
            call(
                "provider",
                HttpMethod.POST,
                "/api/v1/applications/" + id + "/refuse",
                Map.of("reason", "用途与共享条件不符")));
    assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
    assertThat(refused.path("decisionReason").asText()).isEqualTo("用途与共享条件不符");
    assertProblem(
        call("provider", HttpMethod.POST, "/api/v1/applications/" + id + "/approve", Map.of()),
        409,
        "application.state");
  }

  @Test
  void badRequestsNameTheFieldAndTheRuleAndStoreNothing() {
    long before = total("gov");
    Map<String, Object> request = shareRequest(List.of("数量", "不存在的信息项"), List.of("440105"));
    request.put("validFrom", LocalDate.now().minusDays(1).toString());
    ResponseEntity<String> response =
        call("applicant", HttpMethod.POST, "/api/v1/applications", request);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode violations = body(response).path("violations");
    assertThat(violations.findValuesAsText("rule"))
        .contains(
            "application.unknown-item", "application.region-outside-applicant", "application.past");

    Map<String, Object> tooLong = shareRequest(List.of("数量"), List.of());
    tooLong.put("validUntil", LocalDate.now().plusDays(400).toString());
    assertProblem(
        call("applicant", HttpMethod.POST, "/api/v1/applications", tooLong),
        400,
        "application.max-period");
    Map<String, Object> noPurpose = shareRequest(List.of("数量"), List.of());
    noPurpose.remove("purpose");
    assertProblem(
        call("applicant", HttpMethod.POST, "/api/v1/applications", noPurpose), 400, "required");

    Map<String, Object> unconditional = shareRequest(List.of("数量"), List.of());
    unconditional.put("entryId", unconditionalEntry);
    assertProblem(
        call("applicant", HttpMethod.POST, "/api/v1/applications", unconditional),
        409,
        "application.not-conditional");
    assertProblem(
        call(
            "provider",
            HttpMethod.POST,
            "/api/v1/applications",
            shareRequest(List.of("数量"), List.of())),
        409,
        "application.own-resource");
    assertProblem(
        call(
            "rev", HttpMethod.POST, "/api/v1/applications", shareRequest(List.of("数量"), List.of())),
        403,
        "application.applicant-role");
    assertThat(total("gov")).isEqualTo(before);
  }

  @Test
  void anApprovalCannotWidenTheRequest() {
    long id = apply("third", shareRequest(List.of("数量"), List.of("440605")));
    Map<String, Object> widening = new HashMap<>();
    widening.put("items", List.of("数量", "统计日期"));
    widening.put("validUntil", LocalDate.now().plusDays(60).toString());
    ResponseEntity<String> response =
        call("gov", HttpMethod.POST, "/api/v1/applications/" + id + "/approve", widening);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(body(response).path("violations").findValuesAsText("rule"))
        .containsOnly("application.narrow-only");
    assertThat(
            body(call("third", HttpMethod.GET, "/api/v1/applications/" + id, null))
                .path("status")
                .asText())
        .isEqualTo("SUBMITTED");
    assertProblem(
        call(
            "third",
            HttpMethod.POST,
            "/api/v1/applications",
            shareRequest(List.of("数量"), List.of())),
        409,
        "application.duplicate");
  }

  // ------------------------------------------------------------ open applications, expiry

  @Test
  void thePublicAppliesForConditionallyOpenDataAndTheGrantExpires() {
    Map<String, Object> request = shareRequest(List.of("统计日期", "数量"), List.of());
    assertProblem(
        call(developerKey, HttpMethod.POST, "/api/v1/applications", request), 400, "required");
    request.put(
        "applicant", Map.of("name", "测试申请人", "organisation", "测试研究所", "contact", "13800000000"));
    long id = apply(developerKey, request);
    assertThat(
            body(call(developerKey, HttpMethod.GET, "/api/v1/applications/" + id, null))
                .path("applicant")
                .path("name")
                .asText())
        .isEqualTo("测试申请人");
    assertThat(
            body(call(
                    developerKey,
                    HttpMethod.POST,
                    "/api/v1/applications/" + id + "/approve",
                    Map.of()))
                .path("rule")
                .asText())
        .isEqualTo("application.provider-only");
    assertThat(
            body(call("provider", HttpMethod.POST, "/api/v1/applications/" + id + "/approve", null))
                .path("status")
                .asText())
        .isEqualTo("APPROVED");
    assertThat(grantOf(null, "dev")).isNotNull();
    assertThat(applicationPolicy("dataset", null, "dev")).isNotNull();

    assertThat(service.compileWithApprovals(publisher.boundTables()))
        .as("another policy writer gets the approvals compiled in")
        .anyMatch(p -> p.policyItems().stream().anyMatch(i -> i.users().contains("dev")));

    int expired = service.expire(LocalDate.now().plusDays(40));
    assertThat(events.stream(ApplicationGrantsChanged.class)).isNotEmpty();
    assertThat(expired).isGreaterThanOrEqualTo(1);
    assertThat(
            body(call(developerKey, HttpMethod.GET, "/api/v1/applications/" + id, null))
                .path("status")
                .asText())
        .isEqualTo("EXPIRED");
    assertThat(grantOf(null, "dev")).isNull();
    assertThat(applicationPolicy("dataset", null, "dev")).isNull();
    assertThat(actions(developerKey, id)).containsExactly("SUBMITTED", "APPROVED", "EXPIRED");
  }

  // ------------------------------------------------------------ helpers

  Map<String, Object> shareRequest(List<String> items, List<String> regions) {
    Map<String, Object> request = new HashMap<>();
    request.put("entryId", conditionalEntry);
    request.put("purpose", "核验低保申请人的家庭情况");
    request.put("legalBasis", "《社会救助暂行办法》第十一条");
    request.put("items", items);
    request.put("regionCodes", regions);
    request.put("validFrom", LocalDate.now().toString());
    request.put("validUntil", LocalDate.now().plusDays(30).toString());
    return request;
  }

  long apply(String user, Map<String, Object> request) {
    ResponseEntity<String> response = call(user, HttpMethod.POST, "/api/v1/applications", request);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return body(response).path("id").asLong();
  }

  long publish(InformationResource resource) {
    ResponseEntity<String> created = call("provider", HttpMethod.POST, "/api/v1/entries", resource);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    long id = body(created).path("id").asLong();
    ResponseEntity<String> batch =
        call(
            "gov",
            HttpMethod.POST,
            "/api/v1/batches",
            Map.of("title", "测试批次" + id, "plannedDate", "2026-06-30"));
    int number = body(batch).path("number").asInt();
    for (String[] step :
        new String[][] {{"provider", "SUBMITTED"}, {"rev", "APPROVED"}, {"rev", "PUBLISHED"}}) {
      Map<String, Object> transition = new HashMap<>();
      transition.put("to", step[1]);
      transition.put("openBatch", step[1].equals("PUBLISHED") ? number : null);
      ResponseEntity<String> moved =
          call(step[0], HttpMethod.POST, "/api/v1/entries/" + id + "/transitions", transition);
      assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
    }
    return id;
  }

  /** The application's table policy granting the group or user; null if none. */
  JsonNode grantOf(String group, String user) {
    return applicationPolicy("table", group, user);
  }

  /**
   * The application policy on a {@code table} or {@code dataset} resource granting the group or
   * user, from the compiled file; null if none.
   */
  JsonNode applicationPolicy(String resource, String group, String user) {
    for (JsonNode policy : policies()) {
      if (policy.path("policyType").asInt() == 0
          && policy.path("validitySchedules").size() > 0
          && policy.path("resources").has(resource)) {
        for (JsonNode item : policy.path("policyItems")) {
          if ((group != null && contains(item.path("groups"), group))
              || (user != null && contains(item.path("users"), user))) {
            return policy;
          }
        }
      }
    }
    return null;
  }

  String rowFilterFor(String group) {
    for (JsonNode policy : policies()) {
      if (policy.path("policyType").asInt() == 2) {
        for (JsonNode item : policy.path("rowFilterPolicyItems")) {
          if (contains(item.path("groups"), group)) {
            return item.path("rowFilterInfo").path("filterExpr").asText();
          }
        }
      }
    }
    return null;
  }

  JsonNode policies() {
    try {
      return json.readTree(properties.home().resolve("policies/policies.json").toFile())
          .path("policies");
    } catch (IOException e) {
      throw new AssertionError("policies not written", e);
    }
  }

  static boolean contains(JsonNode array, String value) {
    return StreamSupport.stream(array.spliterator(), false).anyMatch(n -> n.asText().equals(value));
  }

  List<String> actions(String user, long id) {
    ResponseEntity<String> response =
        call(user, HttpMethod.GET, "/api/v1/applications/" + id + "/history", null);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return body(response).findValuesAsText("action");
  }

  List<Long> ids(String user) {
    List<Long> ids = new ArrayList<>();
    body(call(user, HttpMethod.GET, "/api/v1/applications?size=200", null))
        .path("items")
        .forEach(n -> ids.add(n.path("id").asLong()));
    return ids;
  }

  long total(String user) {
    return body(call(user, HttpMethod.GET, "/api/v1/applications", null)).path("total").asLong();
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    TestRestTemplate client = http;
    if (user != null && user.startsWith("key:")) {
      headers.set("X-API-Key", user.substring(4));
    } else if (user != null) {
      client = http.withBasicAuth(user, PASSWORD);
    }
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.getBody(), e);
    }
  }

  void assertProblem(ResponseEntity<String> response, int status, String rule) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(body(response).path("rule").asText()).as(response.getBody()).isEqualTo(rule);
  }
}
