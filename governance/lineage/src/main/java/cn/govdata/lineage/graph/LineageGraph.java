package cn.govdata.lineage.graph;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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
   * The graph as someone sees it who may view only the nodes {@code mayView} accepts. The others
   * keep their place, so the flow stays readable, but lose their name, properties and
   * classifications and get an opaque id ({@code restricted-1}, …); the root must be viewable. The
   * portal and console call this with the caller's permissions before they answer.
   */
  public LineageGraph visibleTo(Predicate<String> mayView) {
    if (!mayView.test(root)) {
      throw new InvalidFieldException(
          "root", "lineage.visible", "the caller may not view " + root + " or its lineage");
    }
    Map<String, String> ids = new HashMap<>();
    List<Node> visible = new ArrayList<>();
    int restricted = 0;
    for (Node node : nodes) {
      if (mayView.test(node.id())) {
        ids.put(node.id(), node.id());
        visible.add(node);
      } else {
        String opaque = "restricted-" + ++restricted;
        ids.put(node.id(), opaque);
        visible.add(
            new Node(opaque, node.category(), node.type(), "(restricted)", Map.of(), Set.of()));
      }
    }
    List<Edge> remapped =
        edges.stream().map(e -> new Edge(ids.get(e.from()), ids.get(e.to()))).sorted().toList();
    return new LineageGraph(root, direction, depth, visible, remapped);
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
          dataset.sensitivity().stream().map(Enum::name).collect(Collectors.toSet()));
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
