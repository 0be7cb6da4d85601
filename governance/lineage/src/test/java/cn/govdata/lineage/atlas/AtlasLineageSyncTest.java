package cn.govdata.lineage.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.lineage.atlas.FakeAtlasServer.Received;
import cn.govdata.lineage.graph.LineageDirection;
import cn.govdata.lineage.graph.LineageFixtures;
import cn.govdata.lineage.graph.LineageGraph;
import cn.govdata.lineage.graph.LineageRecords;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.atlas.model.audit.EntityAuditEventV2;
import org.apache.atlas.model.audit.EntityAuditEventV2.EntityAuditActionV2;
import org.apache.atlas.model.instance.AtlasClassification;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasObjectId;
import org.apache.atlas.model.typedef.AtlasEntityDef;
import org.apache.atlas.model.typedef.AtlasTypesDef;
import org.apache.atlas.type.AtlasType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Atlas adapter against {@link FakeAtlasServer}: the same {@code AtlasClientV2} calls, over
 * HTTP, that a real Atlas 2.4 would receive. No Atlas server runs here.
 */
class AtlasLineageSyncTest {

  private final LineageFixtures story = new LineageFixtures();
  private final LineageRecords records = story.records();
  private FakeAtlasServer atlas;
  private AtlasLineageSync sync;

  @BeforeEach
  void start() throws Exception {
    atlas = new FakeAtlasServer();
    sync =
        new AtlasLineageSync(
            AtlasLineageSync.connect(
                atlas.baseUrl(),
                FakeAtlasServer.USER,
                FakeAtlasServer.PASSWORD,
                Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    atlas.close();
  }

  @Test
  void typeDefinitionsAreCreatedOnceAndUpdatedAfterwards() {
    AtlasLineageSync.TypeSync first = sync.syncTypes();
    AtlasLineageSync.TypeSync second = sync.syncTypes();

    assertThat(first.created())
        .contains(
            "govdata_directory_resource",
            "govdata_table",
            "govdata_column",
            "govdata_pipeline_run",
            "govdata_delivery",
            "govdata_table_columns",
            "govdata_PII_IDENTITY_NUMBER",
            "govdata_PII_PERSON_NAME",
            "govdata_CREDIT_CODE")
        .hasSize(16);
    assertThat(first.updated()).isEmpty();
    assertThat(second.created()).isEmpty();
    assertThat(second.updated()).containsExactlyInAnyOrderElementsOf(first.created());

    List<Received> typeCalls =
        atlas.received().stream()
            .filter(r -> r.path().equals("/api/atlas/v2/types/typedefs"))
            .toList();
    // Each sync asks what exists, then creates what is missing or updates what is there.
    assertThat(typeCalls).extracting(Received::method).containsExactly("GET", "POST", "GET", "PUT");
    assertThat(typeCalls.get(0).query()).isEqualTo("servicetype=govdata");
    AtlasTypesDef posted = AtlasType.fromJson(typeCalls.get(1).body(), AtlasTypesDef.class);
    AtlasEntityDef delivery =
        posted.getEntityDefs().stream()
            .filter(d -> d.getName().equals("govdata_delivery"))
            .findFirst()
            .orElseThrow();
    assertThat(delivery.getSuperTypes()).containsExactly("Process");
    assertThat(delivery.getServiceType()).isEqualTo("govdata");
    assertThat(delivery.getAttributeDefs())
        .extracting(a -> a.getName() + ":" + a.getTypeName())
        .contains(
            "manifestSha256:string", "rowCount:long", "policies:array<string>", "startTime:date");
  }

  @Test
  void datasetsGoInBulkWithClassificationsFromTheirSensitivityTags() {
    sync.syncTypes();

    Map<String, String> guids = sync.syncDatasets(records.datasets());

    assertThat(guids)
        .hasSize(7)
        .containsKeys(story.idNumber.qualifiedName(), story.resource.qualifiedName());
    List<Received> bulk =
        atlas.received().stream()
            .filter(r -> r.path().equals("/api/atlas/v2/entity/bulk"))
            .toList();
    assertThat(bulk).hasSize(1);
    List<AtlasEntity> sent =
        AtlasType.fromJson(bulk.get(0).body(), AtlasEntitiesWithExtInfo.class).getEntities();
    assertThat(sent)
        .extracting(AtlasEntity::getTypeName)
        .containsOnly("govdata_table", "govdata_column", "govdata_directory_resource");
    // Tables travel before their columns.
    assertThat(sent.get(sent.size() - 1).getTypeName()).isEqualTo("govdata_column");

    AtlasEntity idColumn = stored(story.idNumber.qualifiedName());
    assertThat(idColumn.getClassifications())
        .extracting(AtlasClassification::getTypeName)
        .containsExactly("govdata_PII_IDENTITY_NUMBER");
    AtlasObjectId table = (AtlasObjectId) idColumn.getRelationshipAttribute("table");
    assertThat(table.getGuid()).isEqualTo(guids.get(story.person.qualifiedName()));
    assertThat(stored(story.region.qualifiedName()).getClassifications()).isEmpty();

    AtlasEntity resource = stored(story.resource.qualifiedName());
    assertThat(resource.getAttribute("resourceCode")).isEqualTo("101001/000042");
    assertThat(resource.getAttribute("gradeLevel")).isEqualTo("L3");
    assertThat(resource.getClassifications())
        .extracting(AtlasClassification::getTypeName)
        .containsExactly("govdata_PII_IDENTITY_NUMBER", "govdata_PII_PERSON_NAME");
  }

  @Test
  void runsAndDeliveriesBecomeAtlasProcessesAndTheLineageReadBackMatchesTheOwnRecords() {
    sync.syncTypes();
    Map<String, String> guids = sync.syncAll(records);

    AtlasEntity delivery = stored(story.delivery.qualifiedName());
    assertThat(delivery.getTypeName()).isEqualTo("govdata_delivery");
    assertThat(delivery.getAttribute("manifestSha256")).isEqualTo(story.manifest.sha256());
    assertThat(((Number) delivery.getAttribute("rowCount")).longValue()).isEqualTo(1200L);
    assertThat(delivery.getAttribute("policies"))
        .isEqualTo(List.of("row-filter:region-440100", "mask:IDENTITY_NUMBER"));
    assertThat(((List<?>) delivery.getAttribute("outputs")))
        .extracting(o -> ((AtlasObjectId) o).getGuid())
        .containsExactly(guids.get(story.cityCopy.qualifiedName()));

    LineageGraph fromAtlas = sync.lineage(story.person, LineageDirection.BOTH, 3);
    LineageGraph own = records.graph(story.person.qualifiedName(), LineageDirection.BOTH, 3);

    assertThat(fromAtlas.edges()).isEqualTo(own.edges()).hasSize(6);
    // Atlas's lineage headers carry names and classifications, not every property.
    assertThat(fromAtlas.nodes().stream().map(AtlasLineageSyncTest::withoutProperties).toList())
        .isEqualTo(own.nodes().stream().map(AtlasLineageSyncTest::withoutProperties).toList())
        .hasSize(7);
    Received lineageCall =
        atlas.received().stream()
            .filter(r -> r.path().startsWith("/api/atlas/v2/lineage/"))
            .findFirst()
            .orElseThrow();
    assertThat(lineageCall.path())
        .isEqualTo("/api/atlas/v2/lineage/" + guids.get(story.person.qualifiedName()));
    assertThat(lineageCall.query()).contains("direction=BOTH").contains("depth=3");
  }

  @Test
  void aResyncUpdatesInPlaceAndTheAuditShowsIt() {
    sync.syncTypes();
    Map<String, String> first = sync.syncAll(records);
    Map<String, String> second = sync.syncAll(records);

    assertThat(second).isEqualTo(first);
    assertThat(atlas.entities()).hasSize(10);
    List<EntityAuditEventV2> audit = sync.audit(story.idNumber, 10);
    assertThat(audit)
        .extracting(EntityAuditEventV2::getAction)
        .containsExactly(
            EntityAuditActionV2.CLASSIFICATION_ADD,
            EntityAuditActionV2.ENTITY_UPDATE,
            EntityAuditActionV2.CLASSIFICATION_ADD,
            EntityAuditActionV2.ENTITY_CREATE);
  }

  @Test
  void entitiesOfUnknownTypesAreRefusedAsAtlasRefusesThem() {
    assertThatThrownBy(() -> sync.syncDatasets(List.of(story.person)))
        .isInstanceOf(AtlasSyncException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("govdata_table");
  }

  @Test
  void aProcessNamingADatasetAtlasLacksIsRefused() {
    sync.syncTypes();

    assertThatThrownBy(() -> sync.syncProcesses(List.of(story.ingest), records))
        .isInstanceOf(AtlasSyncException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("Referenced entity");
    assertThat(atlas.entities()).isEmpty();
  }

  @Test
  void wrongCredentialsAreRefused() {
    AtlasLineageSync intruder =
        new AtlasLineageSync(
            AtlasLineageSync.connect(atlas.baseUrl(), "admin", "guess", Duration.ofSeconds(10)));

    assertThatThrownBy(intruder::syncTypes)
        .isInstanceOf(AtlasSyncException.class)
        .hasMessageContaining("HTTP 401");
    assertThat(atlas.typeDef("govdata_table")).isNull();
  }

  @Test
  void anUnreachableAtlasFailsTheSyncWithoutTouchingTheOwnRecords() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    AtlasLineageSync unreachable =
        new AtlasLineageSync(
            AtlasLineageSync.connect(
                URI.create("http://127.0.0.1:" + closedPort + "/"),
                "admin",
                "x",
                Duration.ofSeconds(2)));

    assertThatThrownBy(() -> unreachable.syncAll(records))
        .isInstanceOf(AtlasSyncException.class)
        .hasMessageContaining("writing 7 entities to Atlas failed");
    assertThat(records.processes()).hasSize(3);
  }

  private static LineageGraph.Node withoutProperties(LineageGraph.Node node) {
    return new LineageGraph.Node(
        node.id(), node.category(), node.type(), node.name(), Map.of(), node.classifications());
  }

  private AtlasEntity stored(String qualifiedName) {
    return atlas.entities().stream()
        .filter(e -> qualifiedName.equals(e.getAttribute("qualifiedName")))
        .findFirst()
        .orElseThrow();
  }
}
