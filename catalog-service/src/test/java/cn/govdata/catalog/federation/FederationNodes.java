package cn.govdata.catalog.federation;

import static cn.govdata.catalog.federation.FederationSupport.assertStatus;

import cn.govdata.catalog.CatalogApplication;
import cn.govdata.catalog.Fixtures;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import cn.govdata.search.local.LocalElasticsearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The federation ITs' three nodes in one JVM, each its own Spring Boot context on a random port
 * with its own H2 database and home: the province 440000 and the cities 佛山 440600 and 广州 440100,
 * searching one local Elasticsearch (an alias each). Each city publishes open entries (佛山 also a
 * shared-only one), the province publishes a 有条件共享 resource of a province department, and the
 * province registers both cities as peers.
 *
 * <p>Started once per test JVM, by the first IT that asks for them through {@link Shared}, and
 * closed when JUnit has run every class: starting three catalog services is what the federation ITs
 * spend most of their time on besides the backflow's pipelines.
 */
final class FederationNodes implements ExtensionContext.Store.CloseableResource {

  static final String ADMIN = "admin:it-admin-password";
  static final String PASSWORD = "it-password-1";

  /** The nodes' own mapper, so that directory types are written as the API reads them. */
  static ObjectMapper JSON;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final HttpClient client = HttpClient.newHttpClient();
  final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  Node province;
  Node foshan;
  Node guangzhou;
  long foshanPeer;
  long guangzhouPeer;
  List<Long> foshanEntries = new ArrayList<>();
  long provinceProvider;
  long conditionalEntry;

  /** A running node: where it answers and its home directory. */
  record Node(String name, String baseUrl, Path home) {}

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private FederationNodes() {}

  /** Starts and seeds the nodes; stops what was started if that fails. */
  static FederationNodes startAndSeed() throws Exception {
    FederationNodes nodes = new FederationNodes();
    try {
      nodes.seed();
      return nodes;
    } catch (Exception | Error e) {
      nodes.close();
      throw e;
    }
  }

  private void seed() throws Exception {
    String search = LocalElasticsearch.shared().url().toString();
    province = start("province", "gd-province", "440000", "PROVINCE", search);
    JSON = contexts.get(0).getBean(ObjectMapper.class);
    foshan = start("foshan", "fs-city", "440600", "CITY", search);
    guangzhou = start("guangzhou", "gz-city", "440100", "CITY", search);

    // each city publishes open entries; 佛山 also a shared-only one, which is not on its open list
    long foshanDepartment =
        zone(foshan, Fixtures.department("佛山市统计局", 601, "440600", AdministrativeLevel.CITY));
    ProviderDepartment foshanProvider = department(foshan, foshanDepartment);
    for (int i = 1; i <= 3; i++) {
      foshanEntries.add(
          publish(
              foshan,
              Fixtures.openResource(
                  foshanProvider, Fixtures.departmental("20" + i, "测试目20" + i), "佛山开放数据" + i)));
    }
    publish(
        foshan,
        Fixtures.sharedResource(foshanProvider, Fixtures.departmental("209", "测试目209"), "佛山共享数据"));
    long guangzhouDepartment =
        zone(guangzhou, Fixtures.department("广州市统计局", 101, "440100", AdministrativeLevel.CITY));
    ProviderDepartment guangzhouProvider = department(guangzhou, guangzhouDepartment);
    for (int i = 1; i <= 2; i++) {
      publish(
          guangzhou,
          Fixtures.openResource(
              guangzhouProvider, Fixtures.departmental("30" + i, "测试目30" + i), "广州开放数据" + i));
    }
    for (Node city : List.of(foshan, guangzhou)) {
      assertStatus(call(city, "POST", "/api/v1/search/rebuild", null, ADMIN), 200);
    }

    // the province's 有条件共享 resource, provided by a province department
    provinceProvider =
        zone(province, Fixtures.department("广东省民政厅", 401, "440000", AdministrativeLevel.PROVINCE));
    conditionalEntry =
        publish(province, conditionalResource(department(province, provinceProvider)));

    foshanPeer = registerPeer(foshan, "佛山市节点");
    guangzhouPeer = registerPeer(guangzhou, "广州市节点");
  }

  @Override
  public void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }

  /**
   * Hands every IT the same started nodes: they are kept in the root store, which JUnit closes
   * after the last class of the run.
   */
  static final class Shared implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType().equals(FederationNodes.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(FederationNodes.class))
          .getOrComputeIfAbsent(
              FederationNodes.class,
              key -> {
                try {
                  return startAndSeed();
                } catch (Exception e) {
                  throw new IllegalStateException("the federation nodes did not start", e);
                }
              },
              FederationNodes.class);
    }
  }

  Node start(String name, String nodeId, String region, String level, String search)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path home = Path.of("target/it-home/federation-" + run + "/" + name).toAbsolutePath();
    String baseUrl = "http://127.0.0.1:" + port;
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CatalogApplication.class)
            .run(
                "--server.port=" + port,
                "--govdata.home=" + home,
                "--govdata.search.url=" + search,
                "--govdata.search.alias=federation-it-" + name + "-" + run,
                "--govdata.node.id=" + nodeId,
                "--govdata.node.region-code=" + region,
                "--govdata.node.level=" + level,
                "--govdata.node.base-url=" + baseUrl,
                "--govdata.node.exchange-url=https://" + nodeId + ".agent.test:8443",
                "--govdata.security.bcrypt-strength=4",
                "--govdata.security.initial-admin-password=it-admin-password",
                "--govdata.federation.harvest-enabled=false",
                "--spring.main.banner-mode=off");
    contexts.add(context);
    return new Node(name, baseUrl, home);
  }

  /** Creates the department, its cataloguer and the node's reviewer; returns the department id. */
  long zone(Node node, ProviderDepartment department) {
    String prefix = node.equals(foshan) || node.equals(guangzhou) ? "city" : "prov";
    long id = department(node, prefix + "-cat", department);
    if (call(node, "GET", "/api/v1/users", null, ADMIN).body().contains(prefix + "-rev")) {
      return id;
    }
    assertStatus(
        call(node, "POST", "/api/v1/users", user(prefix + "-rev", "REVIEWER", null), ADMIN), 201);
    return id;
  }

  long department(Node node, String cataloguer, ProviderDepartment department) {
    Response created = call(node, "POST", "/api/v1/departments", department, ADMIN);
    assertStatus(created, 201);
    long id = created.json().path("id").asLong();
    assertStatus(
        call(node, "POST", "/api/v1/users", user(cataloguer, "CATALOGUER", id), ADMIN), 201);
    return id;
  }

  ProviderDepartment department(Node node, long id) {
    JsonNode department = call(node, "GET", "/api/v1/departments/" + id, null, ADMIN).json();
    return new ProviderDepartment(
        department.path("name").asText(),
        department.path("creditCode").asText(),
        department.path("regionCode").asText(),
        AdministrativeLevel.valueOf(department.path("level").asText()));
  }

  static Map<String, Object> user(String name, String role, Long department) {
    Map<String, Object> user = new HashMap<>();
    user.put("username", name);
    user.put("password", PASSWORD);
    user.put("role", role);
    user.put("departmentId", department);
    return user;
  }

  /** Creates, submits, approves and publishes an entry in an open batch; returns its id. */
  long publish(Node node, InformationResource resource) {
    String prefix = node.equals(province) ? "prov" : "city";
    Response created = call(node, "POST", "/api/v1/entries", resource, prefix + "-cat");
    assertStatus(created, 201);
    long id = created.json().path("id").asLong();
    Integer number = null;
    if (resource.open().type() != OpenType.NOT_OPEN) {
      Response batch =
          call(
              node,
              "POST",
              "/api/v1/batches",
              Map.of("title", "测试批次" + id, "plannedDate", "2026-12-31"),
              ADMIN);
      assertStatus(batch, 201);
      number = batch.json().path("number").asInt();
    }
    for (String[] step :
        new String[][] {
          {prefix + "-cat", "SUBMITTED"},
          {prefix + "-rev", "APPROVED"},
          {prefix + "-rev", "PUBLISHED"}
        }) {
      Map<String, Object> transition = new HashMap<>();
      transition.put("to", step[1]);
      transition.put("openBatch", step[1].equals("PUBLISHED") ? number : null);
      assertStatus(
          call(node, "POST", "/api/v1/entries/" + id + "/transitions", transition, step[0]), 200);
    }
    return id;
  }

  /** Shared and opened on conditions, with a region item for the row filter. */
  static InformationResource conditionalResource(ProviderDepartment provider) {
    return conditionallyShared(
        provider,
        "401",
        "最低生活保障对象统计",
        "按行政区划统计的低保对象：测试数据，由测试生成",
        new ResourceFormat(FormatFamily.SPREADSHEET, "xlsx"),
        List.of(
            new InformationItem("统计日期", DataType.DATE, 10, "统计截止日期", SensitivityTag.NONE),
            new InformationItem("数量", DataType.NUMBER, 12, "人数", SensitivityTag.NONE),
            new InformationItem("行政区划", DataType.STRING, 6, "GB/T 2260 代码", SensitivityTag.NONE)),
        new ShareAttribute(ShareType.CONDITIONAL, "仅用于社会救助核验", null, ShareMethod.API));
  }

  /**
   * A resource of the departmental catalogue {@code catalogueCode}, shared and opened on conditions
   * (an approved application decides who reads it), updated monthly, general L2 data.
   */
  static InformationResource conditionallyShared(
      ProviderDepartment provider,
      String catalogueCode,
      String name,
      String description,
      ResourceFormat format,
      List<InformationItem> items,
      ShareAttribute share) {
    return new InformationResource(
        null,
        Fixtures.departmental(catalogueCode, "测试目" + catalogueCode),
        name,
        provider,
        description,
        format,
        items,
        share,
        new OpenAttribute(OpenType.CONDITIONAL, "申请并签署数据使用协议"),
        UpdateCycle.MONTHLY,
        null,
        List.of(),
        List.of("测试"),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2));
  }

  /** What the province registers of a city: the city's own identity, under {@code name}. */
  Map<String, Object> registration(Node city, String name) {
    JsonNode node = call(city, "GET", "/api/v1/federation/node", null, null).json();
    Map<String, Object> request =
        peer(
            node.path("nodeId").asText(),
            name,
            node.path("regionCode").asText(),
            node.path("level").asText(),
            node.path("publicKey").asText());
    request.put("baseUrl", node.path("baseUrl").asText());
    request.put("exchangeUrl", node.path("exchangeUrl").asText());
    return request;
  }

  long registerPeer(Node city, String name) {
    Response created =
        call(province, "POST", "/api/v1/federation/peers", registration(city, name), ADMIN);
    assertStatus(created, 201);
    return created.json().path("id").asLong();
  }

  static Map<String, Object> peer(
      String nodeId, String name, String region, String level, String publicKey) {
    Map<String, Object> peer = new HashMap<>();
    peer.put("nodeId", nodeId);
    peer.put("name", name);
    peer.put("regionCode", region);
    peer.put("level", level);
    peer.put("baseUrl", "https://" + nodeId + ".example.test");
    peer.put("exchangeUrl", "https://" + nodeId + ".agent.test:8443");
    peer.put("publicKey", publicKey);
    return peer;
  }

  Response call(Node node, String method, String path, Object body, String auth) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path));
      if (auth != null && auth.startsWith("key:")) {
        request.header("X-API-Key", auth.substring(4));
      } else if (auth != null) {
        String credentials = auth.contains(":") ? auth : auth + ":" + PASSWORD;
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      }
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path, e);
    }
  }
}
