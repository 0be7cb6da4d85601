package cn.govdata.catalog.federation;

import static cn.govdata.catalog.federation.FederationNodes.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.federation.FederationNodes.Node;
import cn.govdata.catalog.federation.FederationNodes.Response;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ProviderDepartment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the federation ITs share: the {@link FederationNodes} (started once per test JVM), the calls
 * to them and the assertions on their answers. Each IT class proves one flow and sets up what it
 * needs beyond the nodes' seed itself.
 */
@ExtendWith(FederationNodes.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FederationSupport {

  FederationNodes nodes;
  Node province;
  Node foshan;
  Node guangzhou;
  long foshanPeer;
  long guangzhouPeer;
  List<Long> foshanEntries;
  long provinceProvider;
  long conditionalEntry;

  @BeforeAll
  void useTheSharedNodes(FederationNodes shared) {
    nodes = shared;
    province = shared.province;
    foshan = shared.foshan;
    guangzhou = shared.guangzhou;
    foshanPeer = shared.foshanPeer;
    guangzhouPeer = shared.guangzhouPeer;
    foshanEntries = List.copyOf(shared.foshanEntries);
    provinceProvider = shared.provinceProvider;
    conditionalEntry = shared.conditionalEntry;
  }

  Response call(Node node, String method, String path, Object body, String auth) {
    return nodes.call(node, method, path, body, auth);
  }

  long publish(Node node, InformationResource resource) {
    return nodes.publish(node, resource);
  }

  long department(Node node, String cataloguer, ProviderDepartment department) {
    return nodes.department(node, cataloguer, department);
  }

  ProviderDepartment department(Node node, long id) {
    return nodes.department(node, id);
  }

  /** Maps the entry to its gateway table; the row filter reads the region from regionColumn. */
  void mapTable(
      long entry, String database, String table, Map<String, String> columns, String regionColumn) {
    Map<String, Object> mapping = new HashMap<>();
    mapping.put("database", database);
    mapping.put("table", table);
    mapping.put("columns", columns);
    mapping.put("regionColumn", regionColumn);
    assertStatus(call(province, "PUT", "/api/v1/data/" + entry + "/table", mapping, ADMIN), 200);
  }

  /** An exchange agent of the department with an API key; returns {@code key:<the key>}. */
  String agent(String name, long department) {
    Map<String, Object> user = FederationNodes.user(name, "EXCHANGE_AGENT", department);
    user.put("password", null);
    assertStatus(call(province, "POST", "/api/v1/users", user, ADMIN), 201);
    Response key =
        call(
            province,
            "POST",
            "/api/v1/users/" + name + "/api-keys",
            Map.of("label", "agent"),
            ADMIN);
    assertStatus(key, 201);
    return "key:" + key.json().path("apiKey").asText();
  }

  static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(field, value);
    return copy;
  }

  String publicKey(Node node) {
    return call(node, "GET", "/api/v1/federation/node", null, null)
        .json()
        .path("publicKey")
        .asText();
  }

  JsonNode harvest(long peer) {
    Response response =
        call(province, "POST", "/api/v1/federation/peers/" + peer + "/harvest", null, ADMIN);
    assertStatus(response, 200);
    return response.json();
  }

  JsonNode harvested(String peer, boolean withdrawn) {
    Response response =
        call(
            province,
            "GET",
            "/api/v1/federation/harvested?size=200&peer=" + peer + "&withdrawn=" + withdrawn,
            null,
            null);
    assertStatus(response, 200);
    return response.json();
  }

  // ------------------------------------------------------------ assertions

  void assertInvalid(Map<String, Object> request, String field, String rule) {
    Response response = call(province, "POST", "/api/v1/federation/peers", request, ADMIN);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    List<String> found = new ArrayList<>();
    response
        .json()
        .path("violations")
        .forEach(v -> found.add(v.path("field").asText() + ":" + v.path("rule").asText()));
    assertThat(found).as(response.body()).contains(field + ":" + rule);
  }

  static void assertStatus(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  static void assertProblem(Response response, int status, String rule) {
    assertStatus(response, status);
    assertThat(response.json().path("rule").asText()).as(response.body()).isEqualTo(rule);
  }
}
