package cn.govdata.lineage.graph;

import cn.govdata.governance.validation.Checks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lineage around one dataset in the form the portal and console draw: nodes and directed edges
 * (dataset → process for an input, process → dataset for an output). Serialises as plain JSON
 * ({@code {"root":…, "nodes":[…], "edges":[…]}}); built from the platform's own records or read
 * back from Atlas, so the screens do not care which.
 *
 * @param root qualified name of the dataset the graph is drawn around
 * @param direction which way it was walked
 * @param depth how many process hops it was walked
 * @param nodes datasets and processes, sorted by id
 * @param edges directed edges, sorted
 */
public record LineageGraph(
    String root, LineageDirection direction, int depth, List<Node> nodes, List<Edge> edges) {

  public LineageGraph {
    Checks.requiredText(root, "root", 512);
    Checks.required(direction, "direction");
    nodes = Checks.copyOf(nodes, "nodes");
    edges = Checks.copyOf(edges, "edges");
  }

  /**
   * A dataset or process.
   *
   * @param id the qualified name
   * @param category {@code DATASET} or {@code PROCESS}
   * @param type the {@link DatasetKind} or {@link ProcessKind}
   * @param name display name
   * @param properties descriptive attributes
   * @param classifications sensitivity tags, by name
   */
  public record Node(
      String id,
      String category,
      String type,
      String name,
      Map<String, String> properties,
      Set<String> classifications) {
    public Node {
      properties = Map.copyOf(new TreeMap<>(properties));
      classifications = Set.copyOf(new TreeSet<>(classifications));
    }

    static Node of(Dataset dataset) {
      return new Node(
          dataset.qualifiedName(),
          "DATASET",
          dataset.kind().name(),
          dataset.name(),
          dataset.properties(),
          dataset.sensitivity().stream()
              .map(Enum::name)
              .collect(java.util.stream.Collectors.toSet()));
    }

    static Node of(LineageProcess process) {
      return new Node(
          process.qualifiedName(),
          "PROCESS",
          process.kind().name(),
          process.name(),
          process.properties(),
          Set.of());
    }
  }

  /** A directed edge between two node ids. */
  public record Edge(String from, String to) implements Comparable<Edge> {
    @Override
    public int compareTo(Edge other) {
      int byFrom = from.compareTo(other.from);
      return byFrom != 0 ? byFrom : to.compareTo(other.to);
    }
  }
}
