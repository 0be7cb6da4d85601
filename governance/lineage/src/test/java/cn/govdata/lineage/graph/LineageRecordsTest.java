package cn.govdata.lineage.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageRecordsTest {

  private final LineageFixtures story = new LineageFixtures();
  private final LineageRecords records = story.records();

  @Test
  void downstreamOfTheExtractReachesTheCityCopyThroughThreeProcesses() {
    LineageGraph graph =
        records.graph(story.extract.qualifiedName(), LineageDirection.DOWNSTREAM, 3);

    assertThat(graph.edges())
        .containsExactlyInAnyOrder(
            edge(story.resource, story.delivery),
            edge(story.extract, story.ingest),
            edge(story.person, story.publish),
            edge(story.ingest, story.person),
            edge(story.delivery, story.cityCopy),
            edge(story.publish, story.resource));
    assertThat(graph.nodes())
        .extracting(LineageGraph.Node::id)
        .contains(story.cityCopy.qualifiedName(), story.delivery.qualifiedName());
  }

  @Test
  void depthCountsProcessHops() {
    LineageGraph oneHop = records.graph(story.person.qualifiedName(), LineageDirection.BOTH, 1);

    assertThat(oneHop.nodes())
        .extracting(LineageGraph.Node::id)
        .containsExactly(
            story.resource.qualifiedName(),
            story.person.qualifiedName(),
            "ingest-population/run-7@gd-province",
            story.extract.qualifiedName(),
            "publish-lists/run-3@gd-province");
  }

  @Test
  void upstreamOfTheCityCopyShowsTheDeliveryWithItsManifest() {
    LineageGraph graph =
        records.graph(story.cityCopy.qualifiedName(), LineageDirection.UPSTREAM, 1);

    LineageGraph.Node delivery =
        graph.nodes().stream()
            .filter(n -> n.category().equals("PROCESS"))
            .findFirst()
            .orElseThrow();
    assertThat(delivery.type()).isEqualTo("DELIVERY");
    assertThat(delivery.properties())
        .containsEntry("manifestSha256", story.manifest.sha256())
        .containsEntry("receiverNode", "gz-city")
        .containsEntry("policies", "row-filter:region-440100,mask:IDENTITY_NUMBER");
  }

  @Test
  void theGraphSerialisesToNodesAndEdgesForThePortal() throws Exception {
    LineageGraph graph =
        records.graph(story.resource.qualifiedName(), LineageDirection.UPSTREAM, 2);

    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(graph));

    assertThat(json.get("root").asText()).isEqualTo("101001/000042@gd-province");
    assertThat(json.get("nodes")).hasSize(5);
    assertThat(json.get("edges")).hasSize(4);
    JsonNode resourceNode = json.get("nodes").get(0);
    assertThat(resourceNode.get("id").asText()).isEqualTo("101001/000042@gd-province");
    assertThat(resourceNode.get("name").asText()).isEqualTo("人口基本信息");
    assertThat(resourceNode.get("classifications").toString())
        .contains("IDENTITY_NUMBER", "PERSON_NAME");
  }

  @Test
  void aCallerWhoMayNotViewTheCitysCopySeesItOnlyAsARestrictedNode() {
    LineageGraph graph = records.graph(story.person.qualifiedName(), LineageDirection.BOTH, 3);

    LineageGraph seen =
        graph.visibleTo(id -> !id.endsWith("@gz-city") && !id.startsWith("delivery:"));

    assertThat(seen.nodes()).hasSameSizeAs(graph.nodes());
    assertThat(seen.nodes())
        .extracting(LineageGraph.Node::id)
        .doesNotContain(story.cityCopy.qualifiedName(), story.delivery.qualifiedName())
        .contains("restricted-1", "restricted-2");
    LineageGraph.Node restricted =
        seen.nodes().stream().filter(n -> n.id().equals("restricted-2")).findFirst().orElseThrow();
    assertThat(restricted.name()).isEqualTo("(restricted)");
    assertThat(restricted.properties()).isEmpty();
    assertThat(seen.edges())
        .contains(
            new LineageGraph.Edge(story.resource.qualifiedName(), "restricted-1"),
            new LineageGraph.Edge("restricted-1", "restricted-2"))
        .hasSameSizeAs(graph.edges());
    assertThatThrownBy(() -> graph.visibleTo(id -> false)).hasMessageContaining("lineage.visible");
  }

  @Test
  void aDirectoryResourceCarriesTheTagsOfItsItems() {
    assertThat(story.resource.sensitivity())
        .containsExactlyInAnyOrder(SensitivityTag.IDENTITY_NUMBER, SensitivityTag.PERSON_NAME);
    assertThat(story.resource.properties())
        .containsEntry("gradeLevel", "L3")
        .containsEntry("shareType", "CONDITIONAL");
    assertThat(story.region.sensitivity()).isEmpty();
  }

  @Test
  void aProcessCannotNameAnUnrecordedDataset() {
    LineageRecords empty = new LineageRecords();
    empty.record(story.extract);

    assertThatThrownBy(() -> empty.record(story.ingest))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("dataset.known")
        .hasMessageContaining("base.population_person@gd-province");
    assertThat(empty.processes()).isEmpty();
  }

  @Test
  void aDeliveryMustRunFromTheSenderToTheReceiver() {
    assertThatThrownBy(
            () ->
                LineageProcess.delivery(
                    story.manifest, story.cityCopy, story.resource, LineageFixtures.T0))
        .hasMessageContaining("delivery.nodes");
  }

  @Test
  void reRecordingAProcessReplacesItsEdges() {
    records.record(
        LineageProcess.pipelineRun(
            "ingest-population",
            "run-7",
            "gd-province",
            List.of(story.extract),
            List.of(story.cityCopy),
            LineageFixtures.T0,
            null,
            "RUNNING"));

    LineageGraph graph =
        records.graph(story.extract.qualifiedName(), LineageDirection.DOWNSTREAM, 1);
    assertThat(graph.edges())
        .containsExactlyInAnyOrder(
            edge(story.extract, "ingest-population/run-7@gd-province"),
            new LineageGraph.Edge(
                "ingest-population/run-7@gd-province", story.cityCopy.qualifiedName()));
  }

  @Test
  void namesAndDepthsAreChecked() {
    assertThatThrownBy(() -> Dataset.table("ods", "x", "Not A Node"))
        .hasMessageContaining("qualified-name.format");
    assertThatThrownBy(() -> records.graph(story.extract.qualifiedName(), LineageDirection.BOTH, 0))
        .hasMessageContaining("depth");
    assertThatThrownBy(() -> records.graph("nothing@gd-province", LineageDirection.BOTH, 1))
        .hasMessageContaining("no dataset nothing@gd-province");
  }

  static LineageGraph.Edge edge(Dataset from, LineageProcess to) {
    return new LineageGraph.Edge(from.qualifiedName(), to.qualifiedName());
  }

  static LineageGraph.Edge edge(LineageProcess from, Dataset to) {
    return new LineageGraph.Edge(from.qualifiedName(), to.qualifiedName());
  }

  static LineageGraph.Edge edge(Dataset from, String to) {
    return new LineageGraph.Edge(from.qualifiedName(), to);
  }
}
