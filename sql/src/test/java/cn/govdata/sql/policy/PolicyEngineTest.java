package cn.govdata.sql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.governance.policy.MaskType;
import cn.govdata.sql.Gateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy test in Ranger's style: the demo zone's directory compiled into policies, loaded into
 * {@code RangerBasePlugin} through the platform's policy source, and every case of {@code
 * policy/test_policyengine_govdata.json} (role × field × access path, row filters, workspace,
 * datasets) decided as the file expects. Without policies, or with a corrupt file, every case
 * denies.
 */
class PolicyEngineTest {

  @TempDir Path home;
  private final List<PolicyEnforcer> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(PolicyEnforcer::close);
  }

  private PolicyEnforcer enforcer(Path policyFile) {
    PolicyEnforcer enforcer =
        PolicyEnforcer.start(
            policyFile,
            home.resolve("cache-" + started.size()),
            "policy-test",
            new JsonLinesAudit(home.resolve("audit.jsonl")));
    started.add(enforcer);
    return enforcer;
  }

  @Test
  void compiledPoliciesDecideEveryCaseAsExpected() throws Exception {
    PolicyEnforcer enforcer = enforcer(Gateway.writePolicies(home));
    assertThat(enforcer.hasPolicies()).isTrue();
    List<String> failures = new ArrayList<>();
    JsonNode cases = cases();
    for (JsonNode test : cases) {
      String expected = expected(test);
      String actual = decide(enforcer, test);
      if (!expected.equals(actual)) {
        failures.add(test.get("name").asText() + ": expected " + expected + ", got " + actual);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(cases.size()).isGreaterThan(500);
  }

  @Test
  void everyDecisionIsAudited() throws Exception {
    PolicyEnforcer enforcer = enforcer(Gateway.writePolicies(home));
    Principal analyst = new Principal("analyst", Set.of("government"));
    enforcer.mayAccessColumn(analyst, "population", "person", "id_number", AccessType.SELECT);
    enforcer.mask(analyst, "population", "person", "id_number", AccessType.SELECT);
    List<String> lines = Files.readAllLines(home.resolve("audit.jsonl"));
    assertThat(lines).hasSize(2);
    JsonNode access = new ObjectMapper().readTree(lines.get(0));
    assertThat(access.get("user").asText()).isEqualTo("analyst");
    assertThat(access.get("resource").asText()).isEqualTo("population/person/id_number");
    assertThat(access.get("access").asText()).isEqualTo("select");
    assertThat(access.get("allowed").asBoolean()).isTrue();
    assertThat(access.get("policyId").asLong()).isPositive();
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("detail").asText())
        .isEqualTo("MASK_ID_NUMBER");
  }

  @Test
  void withoutAPolicyFileEverythingIsDenied() throws Exception {
    assertEverythingDenied(enforcer(home.resolve("no-such-policies.json")));
  }

  @Test
  void aCorruptPolicyFileDeniesEverything() throws Exception {
    Path corrupt = home.resolve("corrupt.json");
    Files.writeString(corrupt, "{\"policies\": [ {\"id\": 1, \"name\": \"cut off");
    assertEverythingDenied(enforcer(corrupt));
  }

  @Test
  void aPolicyFileWithoutPoliciesDeniesEverything() throws Exception {
    Path empty = home.resolve("empty.json");
    Files.writeString(empty, "{\"metaDataInfo\": {}}");
    assertEverythingDenied(enforcer(empty));
  }

  private void assertEverythingDenied(PolicyEnforcer enforcer) throws Exception {
    assertThat(enforcer.hasPolicies()).isFalse();
    List<String> allowed = new ArrayList<>();
    for (JsonNode test : cases()) {
      String actual = decide(enforcer, test);
      boolean opensSomething =
          actual.equals("allowed")
              || actual.equals("mask MASK_NONE")
              || actual.equals("filter null");
      if (opensSomething) {
        allowed.add(test.get("name").asText() + " -> " + actual);
      }
    }
    assertThat(allowed).isEmpty();
  }

  private static JsonNode cases() throws Exception {
    try (InputStream in =
        PolicyEngineTest.class.getResourceAsStream("/policy/test_policyengine_govdata.json")) {
      return new ObjectMapper().readTree(in).get("tests");
    }
  }

  private static String expected(JsonNode test) {
    if (test.has("result")) {
      return test.get("result").get("isAllowed").asBoolean() ? "allowed" : "denied";
    }
    if (test.has("dataMaskResult")) {
      return "mask " + test.get("dataMaskResult").get("maskType").asText();
    }
    JsonNode filter = test.get("rowFilterResult").get("filterExpr");
    return "filter " + (filter.isNull() ? "null" : filter.asText());
  }

  private static String decide(PolicyEnforcer enforcer, JsonNode test) {
    JsonNode request = test.get("request");
    JsonNode elements = request.get("resource").get("elements");
    Set<String> groups = new HashSet<>();
    request.get("userGroups").forEach(g -> groups.add(g.asText()));
    Principal who = new Principal(request.get("user").asText(), groups);
    AccessType access =
        AccessType.valueOf(request.get("accessType").asText().toUpperCase(Locale.ROOT));
    String database = text(elements, "database");
    String table = text(elements, "table");
    String column = text(elements, "column");
    if (test.has("dataMaskResult")) {
      MaskType mask = enforcer.mask(who, database, table, column, access);
      return "mask " + mask.name();
    }
    if (test.has("rowFilterResult")) {
      Optional<String> filter = enforcer.rowFilter(who, database, table, access);
      return "filter " + filter.orElse("null");
    }
    boolean allowed;
    if (elements.has("dataset")) {
      allowed = enforcer.mayAccessDataset(who, text(elements, "dataset"), access);
    } else if (column == null) {
      allowed = enforcer.mayAccessTable(who, database, table, access);
    } else {
      allowed = enforcer.mayAccessColumn(who, database, table, column, access);
    }
    return allowed ? "allowed" : "denied";
  }

  private static String text(JsonNode elements, String name) {
    return elements.has(name) ? elements.get(name).asText() : null;
  }
}
