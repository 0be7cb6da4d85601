package cn.govdata.catalog.directory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.security.Users;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.form.DirectoryForm;
import cn.govdata.governance.form.FormFormat;
import cn.govdata.governance.form.ListKind;
import cn.govdata.governance.form.ListRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The directory service over HTTP, as each role, against one database. Subclasses bind the
 * database: the embedded H2 file default and the real PostgreSQL.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "govdata.security.bcrypt-strength=4",
      "govdata.imports.max-file-size=64KB",
      "govdata.imports.max-rows=50",
      "govdata.api.max-body-size=256KB"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDirectoryApiIT {

  static final String PASSWORD = "it-password-1";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Users users;
  @Autowired DepartmentRepository departments;
  @Autowired EntryRepository entries;

  ProviderDepartment providerA;
  ProviderDepartment providerB;
  Department departmentA;
  Department departmentB;
  String developerKey;

  @BeforeAll
  void zone() {
    providerA = Fixtures.department("测试市甲局", 1, "440600", AdministrativeLevel.CITY);
    providerB = Fixtures.department("测试区乙局", 2, "440604", AdministrativeLevel.COUNTY);
    departmentA = departments.create(providerA);
    departmentB = departments.create(providerB);
    users.create("cat-a", PASSWORD, Role.CATALOGUER, departmentA.id());
    users.create("cat-b", PASSWORD, Role.CATALOGUER, departmentB.id());
    users.create("rev", PASSWORD, Role.REVIEWER, null);
    users.create("gov", PASSWORD, Role.GOVERNANCE_ADMIN, null);
    users.create("dev", null, Role.DEVELOPER, null);
    developerKey = users.issueApiKey("dev", "it");
  }

  // ---------------------------------------------------------------- the happy path, lists

  @Test
  void createSubmitApprovePublishPutsTheEntryOnTheOpenListInItsBatch() throws IOException {
    int batch = createBatch("测试第一批");
    long id = create("cat-a", Fixtures.openResource(providerA, catalogue("101"), "测试开放资源甲"));

    assertThat(status(move("cat-a", id, "SUBMITTED", null, null))).isEqualTo(200);
    assertThat(status(move("rev", id, "APPROVED", null, null))).isEqualTo(200);
    JsonNode published = body(move("rev", id, "PUBLISHED", null, batch));
    assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.path("openBatch").asInt()).isEqualTo(batch);
    assertThat(published.path("resource").path("publishDate").isTextual()).isTrue();
    String code = published.path("code").asText();
    assertThat(code).startsWith("301101/");

    JsonNode openList = body(call(null, HttpMethod.GET, "/api/v1/lists/open", null));
    JsonNode line = find(openList, code);
    assertThat(line.path("openBatch").path("number").asInt()).isEqualTo(batch);
    assertThat(line.path("openBatch").path("title").asText()).isEqualTo("测试第一批");
    assertThat(find(body(call("cat-b", HttpMethod.GET, "/api/v1/lists/shared", null)), code))
        .isNotNull();
    assertThat(
            body(call(null, HttpMethod.GET, "/api/v1/entries?openBatch=" + batch, null))
                .path("items"))
        .anyMatch(e -> e.path("code").asText().equals(code));

    ResponseEntity<byte[]> xlsx =
        http.exchange(
            "/api/v1/lists/open?format=xlsx", HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("开放清单");
      List<String> header = cells(sheet.getRow(0));
      assertThat(header)
          .contains("信息资源名称", "信息资源代码", "信息资源提供方", "开放类型", "开放批次", "计划开放日期", "实际开放日期");
      int codeColumn = header.indexOf("信息资源代码");
      int batchColumn = header.indexOf("开放批次");
      boolean found = false;
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        List<String> row = cells(sheet.getRow(r));
        if (row.get(codeColumn).equals(code)) {
          found = true;
          assertThat(row.get(batchColumn)).isEqualTo("测试第一批");
        }
      }
      assertThat(found).as("published entry %s in the xlsx open list", code).isTrue();
    }
    ResponseEntity<byte[]> sharedCsv =
        http.withBasicAuth("cat-b", PASSWORD)
            .exchange(
                "/api/v1/lists/shared?format=csv", HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
    assertThat(new String(sharedCsv.getBody(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("信息资源代码")
        .contains(code);

    JsonNode versions =
        body(call("cat-a", HttpMethod.GET, "/api/v1/entries/" + id + "/versions", null));
    assertThat(versions)
        .extracting(v -> v.path("status").asText())
        .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED");
    JsonNode audit = body(call("gov", HttpMethod.GET, "/api/v1/audit?entryId=" + id, null));
    assertThat(audit.path("items"))
        .extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
        .containsExactly(
            "CREATED by cat-a", "SUBMITTED by cat-a", "APPROVED by rev", "PUBLISHED by rev");
    assertThat(
            body(call("gov", HttpMethod.GET, "/api/v1/audit?actor=rev&action=PUBLISHED", null))
                .path("items"))
        .anyMatch(e -> e.path("entryId").asLong() == id);
  }

  @Test
  void listsFollowTheShareAndOpenAttributes() {
    long shared =
        publish(
            create("cat-a", Fixtures.sharedResource(providerA, catalogue("102"), "测试共享资源")), null);
    long closed =
        publish(
            create("cat-a", Fixtures.closedResource(providerA, catalogue("102"), "测试不予共享资源")),
            null);
    long draft = create("cat-a", Fixtures.sharedResource(providerA, catalogue("102"), "测试未发布资源"));

    JsonNode sharedList = body(call("cat-b", HttpMethod.GET, "/api/v1/lists/shared", null));
    JsonNode openList = body(call(null, HttpMethod.GET, "/api/v1/lists/open", null));
    assertThat(codes(sharedList)).contains(code(shared)).doesNotContain(code(closed), code(draft));
    assertThat(codes(openList)).doesNotContain(code(shared), code(closed), code(draft));
    // the public never sees the shared list
    assertThat(status(call(null, HttpMethod.GET, "/api/v1/lists/shared", null))).isEqualTo(401);
    assertThat(status(call("key:" + developerKey, HttpMethod.GET, "/api/v1/lists/shared", null)))
        .isEqualTo(403);
  }

  // ---------------------------------------------------------------- department isolation

  @Test
  void aCataloguerOfAnotherDepartmentCanNeitherSeeNorChangeADraft() {
    long id = create("cat-a", Fixtures.sharedResource(providerA, catalogue("103"), "测试甲局草稿"));
    JsonNode before = body(call("cat-a", HttpMethod.GET, "/api/v1/entries/" + id, null));
    String path = "/api/v1/entries/" + id;
    InformationResource changed = Fixtures.sharedResource(providerA, catalogue("103"), "被乙局篡改");

    assertProblem(call("cat-b", HttpMethod.GET, path, null), 404, "not-found");
    assertProblem(call("cat-b", HttpMethod.GET, path + "/versions", null), 404, "not-found");
    assertProblem(call("cat-b", HttpMethod.PUT, path, changed), 404, "not-found");
    for (String to : List.of("SUBMITTED", "APPROVED", "RETURNED", "PUBLISHED", "RETIRED")) {
      assertProblem(move("cat-b", id, to, "理由", null), 404, "not-found");
    }
    assertProblem(
        call("cat-b", HttpMethod.PUT, path + "/open-batch", Map.of("openBatch", 1)),
        404,
        "not-found");
    assertThat(
            body(call(
                    "cat-b",
                    HttpMethod.GET,
                    "/api/v1/entries?department=" + departmentA.id() + "&size=200",
                    null))
                .path("items"))
        .noneMatch(e -> e.path("id").asLong() == id);
    assertProblem(
        call("cat-b", HttpMethod.GET, "/api/v1/audit?departmentId=" + departmentA.id(), null),
        403,
        "department.isolation");
    assertThat(
            body(call("cat-b", HttpMethod.GET, "/api/v1/audit?entryId=" + id, null))
                .path("total")
                .asLong())
        .isZero();
    // naming A as the provider in the body does not help either
    assertProblem(
        call(
            "cat-b",
            HttpMethod.POST,
            "/api/v1/entries",
            Fixtures.sharedResource(providerA, catalogue("103"), "冒名资源")),
        403,
        "department.isolation");
    assertProblem(
        upload("cat-b", "/api/v1/imports?department=" + departmentA.id(), "a.csv", csv(List.of())),
        403,
        "department.isolation");
    // B's own entry cannot be moved to A by an edit
    long own = create("cat-b", Fixtures.sharedResource(providerB, catalogue("103"), "测试乙局草稿"));
    assertProblem(
        call(
            "cat-b",
            HttpMethod.PUT,
            "/api/v1/entries/" + own,
            Fixtures.sharedResource(providerA, catalogue("103"), "搬家")),
        403,
        "department.isolation");

    JsonNode after = body(call("cat-a", HttpMethod.GET, path, null));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aCataloguerSeesAnotherDepartmentsPublishedSharedEntryButCannotChangeIt() {
    long id =
        publish(
            create("cat-a", Fixtures.sharedResource(providerA, catalogue("104"), "测试已发布共享")), null);
    String path = "/api/v1/entries/" + id;
    assertThat(status(call("cat-b", HttpMethod.GET, path, null))).isEqualTo(200);
    assertProblem(
        call("cat-b", HttpMethod.GET, path + "/versions", null), 403, "department.isolation");
    assertProblem(
        call(
            "cat-b",
            HttpMethod.PUT,
            path,
            Fixtures.sharedResource(providerA, catalogue("104"), "改")),
        403,
        "department.isolation");
    assertProblem(move("cat-b", id, "RETIRED", null, null), 403, "department.isolation");
    assertProblem(move("cat-b", id, "RETURNED", "理由", null), 403, "role.reviewer");
    // the public and developers see only the open list
    assertProblem(call(null, HttpMethod.GET, path, null), 404, "not-found");
    assertProblem(call("key:" + developerKey, HttpMethod.GET, path, null), 404, "not-found");
    assertThat(body(call("cat-a", HttpMethod.GET, path, null)).path("version").asInt())
        .isEqualTo(4);
  }

  // ---------------------------------------------------------------- lifecycle

  @Test
  void theLifecycleRefusesMovesItDoesNotAllow() {
    long id = create("cat-a", Fixtures.sharedResource(providerA, catalogue("105"), "测试生命周期"));
    assertProblem(move("rev", id, "PUBLISHED", null, null), 409, "lifecycle.transition");
    assertProblem(move("rev", id, "APPROVED", null, null), 409, "lifecycle.transition");
    assertProblem(move("cat-a", id, "RETIRED", null, null), 409, "lifecycle.transition");
    assertProblem(move("cat-a", id, "DRAFT", null, null), 409, "lifecycle.transition");
    assertProblem(move("cat-a", id, "LIMBO", null, null), 400, "enum");

    move("cat-a", id, "SUBMITTED", null, null);
    assertProblem(move("cat-a", id, "APPROVED", null, null), 403, "role.reviewer");
    assertProblem(
        call(
            "cat-a",
            HttpMethod.PUT,
            "/api/v1/entries/" + id,
            Fixtures.sharedResource(providerA, catalogue("105"), "改")),
        409,
        "lifecycle.not-editable");
    assertProblem(move("rev", id, "RETURNED", null, null), 400, "lifecycle.reason-required");
    assertThat(body(move("rev", id, "RETURNED", "摘要过于简单", null)).path("status").asText())
        .isEqualTo("RETURNED");
    JsonNode edited =
        body(
            call(
                "cat-a",
                HttpMethod.PUT,
                "/api/v1/entries/" + id,
                Fixtures.sharedResource(providerA, catalogue("105"), "测试生命周期（已修改）")));
    assertThat(edited.path("resource").path("name").asText()).isEqualTo("测试生命周期（已修改）");
    move("cat-a", id, "SUBMITTED", null, null);
    move("rev", id, "APPROVED", null, null);
    move("rev", id, "PUBLISHED", null, null);
    assertThat(body(move("cat-a", id, "RETIRED", "停止维护", null)).path("status").asText())
        .isEqualTo("RETIRED");
    for (String to : List.of("SUBMITTED", "APPROVED", "PUBLISHED", "RETURNED")) {
      assertProblem(move("gov", id, to, "理由", null), 409, "lifecycle.transition");
    }
    JsonNode audit =
        body(call("rev", HttpMethod.GET, "/api/v1/audit?entryId=" + id + "&action=RETURNED", null));
    assertThat(audit.path("items").get(0).path("reason").asText()).isEqualTo("摘要过于简单");
    assertThat(audit.path("items").get(0).path("fromStatus").asText()).isEqualTo("SUBMITTED");
    assertThat(body(call("cat-a", HttpMethod.GET, "/api/v1/entries/" + id + "/versions", null)))
        .hasSize(8);
  }

  @Test
  void anOpenListEntryIsPublishedOnlyInAnExistingBatch() {
    long id = create("cat-a", Fixtures.openResource(providerA, catalogue("106"), "测试开放无批次"));
    move("cat-a", id, "SUBMITTED", null, null);
    move("rev", id, "APPROVED", null, null);
    assertProblem(move("rev", id, "PUBLISHED", null, null), 400, "open-batch.required");
    assertProblem(move("rev", id, "PUBLISHED", null, 9999), 400, "open-batch.unknown");
    int batch = createBatch("测试批次（预先分配）");
    assertThat(
            status(
                call(
                    "rev",
                    HttpMethod.PUT,
                    "/api/v1/entries/" + id + "/open-batch",
                    Map.of("openBatch", batch))))
        .isEqualTo(200);
    assertThat(body(move("rev", id, "PUBLISHED", null, null)).path("openBatch").asInt())
        .isEqualTo(batch);
    long closed = create("cat-a", Fixtures.sharedResource(providerA, catalogue("106"), "测试不开放"));
    assertProblem(
        call(
            "gov",
            HttpMethod.PUT,
            "/api/v1/entries/" + closed + "/open-batch",
            Map.of("openBatch", batch)),
        400,
        "open-batch.not-open");
  }

  @Test
  void resourceCodesAreUniqueAndGaplessUnderConcurrentCreation() throws Exception {
    Classification classification = catalogue("777");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String name = "并发资源" + i;
        Callable<Long> task =
            () -> create("cat-a", Fixtures.sharedResource(providerA, classification, name));
        futures.add(pool.submit(task));
      }
      List<String> codes = new ArrayList<>();
      for (Future<Long> future : futures) {
        codes.add(code(future.get()));
      }
      assertThat(codes)
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.IntStream.rangeClosed(1, 12)
                  .mapToObj(n -> String.format("301777/%06d", n))
                  .toList());
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- bad input stores nothing

  @Test
  void badInputIsAProblemDetailNamingTheFieldAndStoresNothing() throws IOException {
    long before = entries.count();
    ObjectNode good =
        (ObjectNode)
            json.valueToTree(Fixtures.closedResource(providerA, catalogue("108"), "测试坏输入"));

    ObjectNode badCredit = good.deepCopy();
    ((ObjectNode) badCredit.path("provider")).put("creditCode", "11440600MB2C93279X");
    assertViolation(post(badCredit), "provider.creditCode", "credit-code.");

    ObjectNode badRegion = good.deepCopy();
    ((ObjectNode) badRegion.path("provider")).put("regionCode", "449999");
    assertViolation(post(badRegion), "provider.regionCode", "region.unknown");

    ObjectNode retiredRegion = good.deepCopy();
    ((ObjectNode) retiredRegion.path("provider")).put("regionCode", "440681"); // 顺德市, 2002
    assertViolation(post(retiredRegion), "provider.regionCode", "region.historical");

    ObjectNode unknownProperty = good.deepCopy();
    unknownProperty.put("colour", "blue");
    assertViolation(post(unknownProperty), "colour", "unknown-property");

    ObjectNode noLegalBasis = good.deepCopy();
    ((ObjectNode) noLegalBasis.path("share")).remove("legalBasis");
    assertViolation(post(noLegalBasis), "share.legalBasis", "share.legal-basis-required");

    ObjectNode unknownEnum = good.deepCopy();
    ((ObjectNode) unknownEnum.path("share")).put("type", "SOMETIMES");
    assertViolation(post(unknownEnum), "share.type", "enum");

    ObjectNode unknownItemType = good.deepCopy();
    ((ObjectNode) unknownItemType.path("items").get(1)).put("dataType", "QUATERNION");
    assertViolation(post(unknownItemType), "items[1].dataType", "enum");

    ObjectNode missingName = good.deepCopy();
    missingName.remove("name");
    assertViolation(post(missingName), "name", "required");

    ObjectNode withCode = good.deepCopy();
    withCode.put("code", "301108/000001");
    assertViolation(post(withCode), "code", "code.assigned-by-service");

    assertViolation(
        call("cat-a", HttpMethod.POST, "/api/v1/entries", rawJson("{\"name\": ")),
        "body",
        "json.malformed");
    assertProblem(
        call(
            "cat-a",
            HttpMethod.POST,
            "/api/v1/entries",
            rawJson("{\"name\": \"" + "长".repeat(100_000) + "\"}")),
        413,
        "body.max-size");
    assertViolation(
        call("cat-a", HttpMethod.GET, "/api/v1/entries?size=201", null), "size", "page.size");
    assertViolation(
        call("cat-a", HttpMethod.GET, "/api/v1/entries?shareType=MAYBE", null),
        "shareType",
        "enum");
    assertViolation(
        call("cat-a", HttpMethod.GET, "/api/v1/entries?updatedSince=yesterday", null),
        "updatedSince",
        "format");

    assertThat(entries.count()).isEqualTo(before);
  }

  @Test
  void aFormWithOneBadRowStoresNothingAndAValidFormStoresEveryRow() throws IOException {
    long before = entries.count();
    InformationResource good = Fixtures.sharedResource(providerA, catalogue("109"), "测试导入一");
    InformationResource other = Fixtures.sharedResource(providerB, catalogue("109"), "测试导入（乙局）");

    JsonNode refused =
        body(upload("cat-a", "/api/v1/imports", "directory.csv", csv(List.of(good, other))));
    assertThat(refused.path("status").asInt()).isEqualTo(400);
    assertThat(refused.path("report").path("stored").asBoolean()).isFalse();
    assertThat(refused.path("report").path("message").asText()).contains("nothing was stored");
    assertThat(refused.path("report").path("rows").get(0).path("violations")).isEmpty();
    assertThat(
            refused
                .path("report")
                .path("rows")
                .get(1)
                .path("violations")
                .get(0)
                .path("rule")
                .asText())
        .isEqualTo("import.department");
    assertThat(entries.count()).isEqualTo(before);

    assertProblem(
        upload("cat-a", "/api/v1/imports", "directory.xlsx", "not a workbook".getBytes(UTF_8)),
        400,
        "form.not-xlsx");
    assertProblem(
        upload("cat-a", "/api/v1/imports", "directory.xlsx", new byte[70 * 1024]),
        413,
        "form.too-large");
    assertProblem(
        upload("cat-a", "/api/v1/imports", "directory.txt", "x".getBytes(UTF_8)),
        415,
        "form.format");
    assertThat(entries.count()).isEqualTo(before);

    InformationResource second = Fixtures.openResource(providerA, catalogue("109"), "测试导入二");
    ResponseEntity<String> stored =
        upload("cat-a", "/api/v1/imports", "directory.xlsx", xlsx(List.of(good, second)));
    assertThat(status(stored)).isEqualTo(201);
    JsonNode report = body(stored);
    assertThat(report.path("stored").asBoolean()).isTrue();
    assertThat(report.path("rows")).hasSize(2);
    long imported = report.path("rows").get(0).path("entryId").asLong();
    JsonNode entry = body(call("cat-a", HttpMethod.GET, "/api/v1/entries/" + imported, null));
    assertThat(entry.path("status").asText()).isEqualTo("DRAFT");
    assertThat(entry.path("resource").path("name").asText()).isEqualTo("测试导入一");
    assertThat(entries.count()).isEqualTo(before + 2);
  }

  // ---------------------------------------------------------------- who is asking

  @Test
  void signInIsCheckedAndRolesLimitWhatCallersDo() {
    assertProblem(
        call(
            null,
            HttpMethod.POST,
            "/api/v1/entries",
            Fixtures.sharedResource(providerA, catalogue("110"), "匿名")),
        401,
        "authentication.required");
    assertThat(
            status(
                http.withBasicAuth("cat-a", "wrong-password")
                    .getForEntity("/api/v1/me", String.class)))
        .isEqualTo(401);
    assertProblem(
        call("key:gdk_not-a-key", HttpMethod.GET, "/api/v1/entries", null),
        401,
        "authentication.required");
    assertThat(
            body(call("key:" + developerKey, HttpMethod.GET, "/api/v1/me", null))
                .path("role")
                .asText())
        .isEqualTo("DEVELOPER");
    assertProblem(
        call(
            "key:" + developerKey,
            HttpMethod.POST,
            "/api/v1/entries",
            Fixtures.sharedResource(providerA, catalogue("110"), "开发者")),
        403,
        "role.required");
    assertProblem(move("rev", 999_999, "SUBMITTED", null, null), 404, "not-found");
    assertProblem(
        call(
            "cat-a",
            HttpMethod.POST,
            "/api/v1/batches",
            Map.of("title", "x", "plannedDate", "2026-12-31")),
        403,
        "role.governance-admin");
    assertProblem(call("cat-a", HttpMethod.GET, "/api/v1/users", null), 403, "role.required");
    ProviderDepartment newcomer =
        Fixtures.department("测试区丙局", 3, "440605", AdministrativeLevel.COUNTY);
    assertProblem(
        call("cat-a", HttpMethod.POST, "/api/v1/departments", newcomer), 403, "role.required");
    ObjectNode badDepartment = (ObjectNode) json.valueToTree(newcomer);
    badDepartment.put("level", "CITY");
    assertViolation(
        call("gov", HttpMethod.POST, "/api/v1/departments", badDepartment),
        "level",
        "provider.level-matches-region");
    assertThat(status(call("gov", HttpMethod.POST, "/api/v1/departments", newcomer)))
        .isEqualTo(201);
    assertViolation(
        call(
            "gov",
            HttpMethod.POST,
            "/api/v1/users",
            Map.of(
                "username",
                "cat-x",
                "password",
                "long-enough-1",
                "role",
                "CATALOGUER",
                "departmentId",
                987654)),
        "departmentId",
        "department.unknown");
    assertViolation(
        call(
            "gov",
            HttpMethod.POST,
            "/api/v1/users",
            Map.of("username", "cat-y", "password", "long-enough-1", "role", "JANITOR")),
        "role",
        "enum");
    assertThat(
            status(
                call(
                    "gov",
                    HttpMethod.POST,
                    "/api/v1/users",
                    Map.of("username", "rev-2", "password", "long-enough-1", "role", "REVIEWER"))))
        .isEqualTo(201);
    assertThat(
            status(
                http.withBasicAuth("rev-2", "long-enough-1")
                    .getForEntity("/api/v1/me", String.class)))
        .isEqualTo(200);
    JsonNode everyone =
        body(call("key:" + developerKey, HttpMethod.GET, "/api/v1/entries?size=200", null));
    assertThat(everyone.path("items"))
        .allMatch(
            e ->
                e.path("status").asText().equals("PUBLISHED")
                    && !e.path("resource").path("open").path("type").asText().equals("NOT_OPEN"));
  }

  @Test
  void filtersAndPagesNarrowTheListing() {
    long county = create("cat-b", Fixtures.sharedResource(providerB, catalogue("111"), "测试区级资源"));
    String base = "/api/v1/entries?size=200&department=" + departmentB.id();
    assertThat(ids(call("rev", HttpMethod.GET, base + "&region=440600", null))).contains(county);
    assertThat(
            ids(
                call(
                    "rev",
                    HttpMethod.GET,
                    base + "&region=440604&level=COUNTY&status=DRAFT",
                    null)))
        .contains(county);
    assertThat(ids(call("rev", HttpMethod.GET, base + "&region=440100", null)))
        .doesNotContain(county);
    assertThat(
            ids(
                call(
                    "rev",
                    HttpMethod.GET,
                    base + "&status=草稿&shareType=有条件共享&gradeCategory=GENERAL&gradeLevel=L2",
                    null)))
        .contains(county);
    assertThat(ids(call("rev", HttpMethod.GET, base + "&openType=UNCONDITIONAL", null)))
        .doesNotContain(county);
    assertThat(ids(call("rev", HttpMethod.GET, base + "&updatedSince=2999-01-01", null))).isEmpty();
    JsonNode page = body(call("rev", HttpMethod.GET, "/api/v1/entries?size=1&page=0", null));
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theApiIsDescribedWithOpenApi() {
    JsonNode docs = body(call(null, HttpMethod.GET, "/v3/api-docs", null));
    assertThat(docs.path("paths").has("/api/v1/entries")).isTrue();
    assertThat(docs.path("paths").has("/api/v1/entries/{id}/transitions")).isTrue();
    assertThat(docs.path("paths").has("/api/v1/lists/open")).isTrue();
  }

  // ---------------------------------------------------------------- helpers

  static Classification catalogue(String code) {
    return Fixtures.departmental(code, "测试目" + code);
  }

  long create(String user, InformationResource resource) {
    ResponseEntity<String> response = call(user, HttpMethod.POST, "/api/v1/entries", resource);
    assertThat(status(response)).as(response.getBody()).isEqualTo(201);
    return body(response).path("id").asLong();
  }

  long publish(long id, Integer batch) {
    move("cat-a", id, "SUBMITTED", null, null);
    move("rev", id, "APPROVED", null, null);
    ResponseEntity<String> response = move("rev", id, "PUBLISHED", null, batch);
    assertThat(status(response)).as(response.getBody()).isEqualTo(200);
    return id;
  }

  int createBatch(String title) {
    ResponseEntity<String> response =
        call(
            "gov",
            HttpMethod.POST,
            "/api/v1/batches",
            Map.of("title", title, "plannedDate", "2026-06-30"));
    assertThat(status(response)).as(response.getBody()).isEqualTo(201);
    return body(response).path("number").asInt();
  }

  String code(long id) {
    return body(call("gov", HttpMethod.GET, "/api/v1/entries/" + id, null)).path("code").asText();
  }

  ResponseEntity<String> move(String user, long id, String to, String reason, Integer batch) {
    Map<String, Object> transition = new java.util.HashMap<>();
    transition.put("to", to);
    transition.put("reason", reason);
    transition.put("openBatch", batch);
    return call(user, HttpMethod.POST, "/api/v1/entries/" + id + "/transitions", transition);
  }

  ResponseEntity<String> post(JsonNode resource) {
    return call("cat-a", HttpMethod.POST, "/api/v1/entries", resource);
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null && !(body instanceof HttpEntity)) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    TestRestTemplate client = http;
    if (user != null && user.startsWith("key:")) {
      headers.set("X-API-Key", user.substring(4));
    } else if (user != null) {
      client = http.withBasicAuth(user, PASSWORD);
    }
    Object payload = body instanceof RawJson raw ? raw.text() : body;
    return client.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
  }

  ResponseEntity<String> upload(String user, String path, String filename, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return filename;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
  }

  static byte[] csv(List<InformationResource> resources) {
    return form(resources, FormFormat.CSV);
  }

  static byte[] xlsx(List<InformationResource> resources) {
    return form(resources, FormFormat.XLSX);
  }

  private static byte[] form(List<InformationResource> resources, FormFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DirectoryForm.write(
        resources.stream().map(ListRow::of).toList(), ListKind.DIRECTORY, format, out);
    return out.toByteArray();
  }

  record RawJson(String text) {}

  static RawJson rawJson(String text) {
    return new RawJson(text);
  }

  JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.getBody(), e);
    }
  }

  static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }

  List<Long> ids(ResponseEntity<String> response) {
    assertThat(status(response)).as(response.getBody()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    body(response).path("items").forEach(e -> ids.add(e.path("id").asLong()));
    return ids;
  }

  static List<String> codes(JsonNode list) {
    List<String> codes = new ArrayList<>();
    list.forEach(line -> codes.add(line.path("code").asText()));
    return codes;
  }

  static JsonNode find(JsonNode list, String code) {
    for (JsonNode line : list) {
      if (line.path("code").asText().equals(code)) {
        return line;
      }
    }
    throw new AssertionError(code + " not in " + list);
  }

  void assertProblem(ResponseEntity<String> response, int status, String rule) {
    assertThat(status(response)).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .as(response.getBody())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = body(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("rule").asText()).as(response.getBody()).isEqualTo(rule);
  }

  void assertViolation(ResponseEntity<String> response, String field, String rulePrefix) {
    assertThat(status(response)).as(response.getBody()).isEqualTo(400);
    JsonNode violations = body(response).path("violations");
    assertThat(violations)
        .as(response.getBody())
        .anyMatch(
            v ->
                v.path("field").asText().equals(field)
                    && v.path("rule").asText().startsWith(rulePrefix)
                    && v.path("message").asText().length() > 5);
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      cells.add(row.getCell(c) == null ? "" : row.getCell(c).toString());
    }
    return cells;
  }
}
