package cn.govdata.catalog.federation;

import static cn.govdata.catalog.federation.FederationNodes.ADMIN;
import static cn.govdata.catalog.federation.FederationNodes.peer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.federation.FederationNodes.Response;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.pipelines.exchange.NodeCertificates;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow between two nodes with the real data plane (see the test). Points the province's
 * registration of 佛山 at the exchange agent this test starts and puts the nodes' seed registration
 * back afterwards, so that the classes sharing the nodes see 佛山 as registered whatever the class
 * order. The population resource is provided by the seed's province department, whose agent's
 * {@code deliver-due} delivers everything due to that department: {@link SubscriptionDeliveryIT}
 * leaves nothing of its own due (it ends by revoking its application).
 */
class BackflowIT extends FederationSupport {

  /**
   * The whole flow between two nodes with the real data plane: the province's population base
   * database is built by the pipelines, a 佛山 department's approved application is subscribed, the
   * province's {@code deliver-due} sends the 佛山 rows (backflow, 数据回流) to 佛山's exchange agent over
   * mutual TLS, and the signed receipt comes back to the province's control plane.
   */
  @Test
  void theProvincesPopulationFlowsBackToFoshanOverMutualTlsWithASignedReceipt() throws Exception {
    PipelinesProcess pipelines = new PipelinesProcess();
    Path work = province.home().resolveSibling("backflow");
    Path logs = work.resolve("logs");

    // the province's population base database, built from generated extracts
    Path sources = work.resolve("sources");
    pipelines.run(
        logs.resolve("generate.log"),
        Map.of(),
        "generate",
        "population",
        "--people",
        "400",
        "--seed",
        "7",
        "--output",
        sources.toString());
    pipelines.run(
        logs.resolve("pipeline.log"),
        Map.of(),
        "pipeline",
        "population",
        "--sources",
        sources.toString(),
        "--home",
        province.home().toString());
    long people;
    try (var lines = Files.lines(sources.resolve("truth.csv"))) {
      people = lines.skip(1).map(line -> line.split(",")[2]).distinct().count();
    }

    // the agents' TLS identities; each registry trusts the other node's certificate
    Path certificates = Files.createDirectories(work.resolve("certificates"));
    NodeCertificates.Authority zone =
        NodeCertificates.authority(certificates, "gd-zone", "changeit");
    NodeCertificates.NodeCertificate provinceTls =
        NodeCertificates.node(zone, certificates, "gd-province");
    NodeCertificates.NodeCertificate foshanTls =
        NodeCertificates.node(zone, certificates, "fs-city");
    int agentPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      agentPort = socket.getLocalPort();
    }
    Map<String, Object> foshanAtProvince =
        peer("fs-city", "佛山市节点", "440600", "CITY", publicKey(foshan));
    foshanAtProvince.put("baseUrl", foshan.baseUrl());
    foshanAtProvince.put("exchangeUrl", "https://127.0.0.1:" + agentPort);
    foshanAtProvince.put("certificatePem", foshanTls.certificatePem());
    assertStatus(
        call(province, "PUT", "/api/v1/federation/peers/" + foshanPeer, foshanAtProvince, ADMIN),
        200);
    Map<String, Object> provinceAtFoshan =
        peer("gd-province", "广东省节点", "440000", "PROVINCE", publicKey(province));
    provinceAtFoshan.put("baseUrl", province.baseUrl());
    provinceAtFoshan.put("certificatePem", provinceTls.certificatePem());
    assertStatus(call(foshan, "POST", "/api/v1/federation/peers", provinceAtFoshan, ADMIN), 201);

    // 佛山's exchange agent, on the home 佛山's catalog service writes its registry to
    Map<String, String> tlsPassword = Map.of("GOVDATA_TLS_PASSWORD", "changeit");
    Path agentLog = logs.resolve("foshan-agent.log");
    Process agent =
        pipelines.start(
            agentLog,
            tlsPassword,
            "agent",
            "--home",
            foshan.home().toString(),
            "--port",
            Integer.toString(agentPort),
            "--bind",
            "127.0.0.1",
            "--tls-keystore",
            foshanTls.keystore().toString(),
            "--tls-password-env",
            "GOVDATA_TLS_PASSWORD");
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.readString(agentLog).contains("ready on https port")) {
        assertThat(agent.isAlive()).as(Files.readString(agentLog)).isTrue();
        assertThat(System.nanoTime()).as("the agent starts").isLessThan(deadline);
        Thread.sleep(200);
      }

      // the resource and its table, a 佛山 department's application, approval, subscription
      long entry = publish(province, populationResource(department(province, provinceProvider)));
      mapTable(
          entry,
          "population",
          "golden_person",
          Map.of("人员编号", "person_id", "户籍地行政区划", "division_code"),
          "division_code");
      department(
          province,
          "fs-backflow",
          Fixtures.department("佛山市人力资源和社会保障局", 405, "440600", AdministrativeLevel.CITY));
      String providerAgent = agent("prov-backflow-agent", provinceProvider);
      Map<String, Object> application = new HashMap<>();
      application.put("entryId", entry);
      application.put("purpose", "社会保障待遇资格认证");
      application.put("legalBasis", "《社会保险法》第八条");
      application.put("items", List.of("人员编号", "户籍地行政区划"));
      application.put("regionCodes", List.of("440600"));
      application.put("validFrom", LocalDate.now().toString());
      application.put("validUntil", LocalDate.now().plusDays(90).toString());
      Response applied = call(province, "POST", "/api/v1/applications", application, "fs-backflow");
      assertStatus(applied, 201);
      long applicationId = applied.json().path("id").asLong();
      assertStatus(
          call(
              province,
              "POST",
              "/api/v1/applications/" + applicationId + "/approve",
              Map.of(),
              "prov-cat"),
          200);
      Map<String, Object> subscription = new HashMap<>();
      subscription.put("applicationId", applicationId);
      subscription.put("mode", "FULL");
      subscription.put("schedule", "0 2 * * *");
      subscription.put("target", Map.of("type", "NODE", "peerNodeId", "fs-city"));
      Response subscribed =
          call(province, "POST", "/api/v1/subscriptions", subscription, "fs-backflow");
      assertStatus(subscribed, 201);
      long id = subscribed.json().path("id").asLong();

      // the province's exchange process delivers what is due
      Map<String, String> environment = new HashMap<>(tlsPassword);
      environment.put("GOVDATA_AGENT_KEY", providerAgent.substring("key:".length()));
      String[] deliverDue = {
        "deliver-due",
        "--catalog",
        province.baseUrl(),
        "--api-key-env",
        "GOVDATA_AGENT_KEY",
        "--home",
        province.home().toString(),
        "--tls-keystore",
        provinceTls.keystore().toString(),
        "--tls-password-env",
        "GOVDATA_TLS_PASSWORD",
        "--once"
      };
      pipelines.run(logs.resolve("deliver-due-1.log"), environment, deliverDue);

      JsonNode deliveries =
          call(province, "GET", "/api/v1/subscriptions/" + id + "/deliveries", null, "fs-backflow")
              .json();
      assertThat(deliveries.size()).as(deliveries.toString()).isEqualTo(1);
      JsonNode delivery = deliveries.get(0);
      assertThat(delivery.path("state").asText()).as(delivery.toString()).isEqualTo("DELIVERED");
      assertThat(delivery.path("hasReceipt").asBoolean()).isTrue();
      long rows = delivery.path("rows").asLong();
      String deliveryId = delivery.path("deliveryId").asText();

      // 佛山 holds exactly the province's rows of its own region, each once
      Path received = foshan.home().resolve("exchange/received/gd-province").resolve(deliveryId);
      assertThat(received.resolve("manifest.json")).exists();
      List<String> divisions = new ArrayList<>();
      List<String> persons = new ArrayList<>();
      try (var files = Files.list(received)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          List<String> header = List.of(lines.get(0).split(","));
          assertThat(header).containsExactlyInAnyOrder("person_id", "division_code");
          for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            persons.add(cells[header.indexOf("person_id")]);
            divisions.add(cells[header.indexOf("division_code")]);
          }
        }
      }
      assertThat(persons).hasSize((int) rows).doesNotHaveDuplicates();
      assertThat(rows).as("some of the province's people live in 佛山").isPositive();
      assertThat(rows).as("and not all of them: the row filter held").isLessThan(people);
      assertThat(divisions).allMatch(code -> code.startsWith("4406"), "a 佛山 division code");

      // the slot is delivered: a second round sends nothing, 佛山 still holds one delivery
      assertThat(pipelines.run(logs.resolve("deliver-due-2.log"), environment, deliverDue))
          .contains("deliver-due: 0 deliveries run");
      try (var held = Files.list(received.getParent())) {
        assertThat(held.count()).isEqualTo(1);
      }
    } finally {
      agent.destroy();
      agent.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  void putBackTheSeedRegistrationOfFoshan() {
    assertStatus(
        call(
            province,
            "PUT",
            "/api/v1/federation/peers/" + foshanPeer,
            nodes.registration(foshan, "佛山市节点"),
            ADMIN),
        200);
  }

  /** The province's population database, shared on conditions with a region item. */
  static InformationResource populationResource(ProviderDepartment provider) {
    return FederationNodes.conditionallyShared(
        provider,
        "405",
        "人口基础信息（回流）",
        "省人口基础库的人员编号与户籍地：测试数据，由测试生成",
        new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
        List.of(
            new InformationItem("人员编号", DataType.STRING, 64, "人口基础库的人员编号", SensitivityTag.NONE),
            new InformationItem(
                "户籍地行政区划", DataType.STRING, 6, "GB/T 2260 代码", SensitivityTag.NONE)),
        new ShareAttribute(
            ShareType.CONDITIONAL, "仅用于社会保障业务", null, ShareMethod.DATABASE_EXCHANGE));
  }
}
