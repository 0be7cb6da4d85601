package cn.govdata.lineage.graph;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The platform's own lineage records (血缘记录): datasets and the processes that read and wrote them,
 * kept whether or not an Atlas server is configured. A process can only name datasets already
 * recorded, so the graph never has dangling edges.
 *
 * <p>This class holds the records in memory; the catalog service persists them and reloads them
 * here. It is safe for concurrent use.
 */
public final class LineageRecords {

  private final Map<String, Dataset> datasets = new HashMap<>();
  private final Map<String, LineageProcess> processes = new HashMap<>();
  private final Map<String, List<LineageProcess>> readers = new HashMap<>();
  private final Map<String, List<LineageProcess>> writers = new HashMap<>();

  /** Records or replaces a dataset. */
  public synchronized void record(Dataset dataset) {
    Dataset previous = datasets.get(dataset.qualifiedName());
    if (previous != null && previous.kind() != dataset.kind()) {
      throw new InvalidFieldException(
          "kind",
          "dataset.kind-stable",
          dataset.qualifiedName() + " is recorded as a " + previous.kind());
    }
    if (dataset.parent() != null && !datasets.containsKey(dataset.parent())) {
      throw new InvalidFieldException(
          "parent", "dataset.known", "parent table " + dataset.parent() + " is not recorded");
    }
    datasets.put(dataset.qualifiedName(), dataset);
  }

  /** Records a process; every input and output must be a recorded dataset. */
  public synchronized void record(LineageProcess process) {
    List<String> unknown = new ArrayList<>();
    for (String name : concat(process.inputs(), process.outputs())) {
      if (!datasets.containsKey(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidFieldException(
          "inputs", "dataset.known", "datasets not recorded: " + String.join(", ", unknown));
    }
    LineageProcess previous = processes.put(process.qualifiedName(), process);
    if (previous != null) {
      unlink(previous);
    }
    process.inputs().forEach(n -> readers.computeIfAbsent(n, k -> new ArrayList<>()).add(process));
    process.outputs().forEach(n -> writers.computeIfAbsent(n, k -> new ArrayList<>()).add(process));
  }

  public synchronized Optional<Dataset> dataset(String qualifiedName) {
    return Optional.ofNullable(datasets.get(qualifiedName));
  }

  public synchronized Collection<Dataset> datasets() {
    return List.copyOf(new TreeMap<>(datasets).values());
  }

  public synchronized Collection<LineageProcess> processes() {
    return List.copyOf(new TreeMap<>(processes).values());
  }

  /**
   * The graph around {@code qualifiedName}, walked {@code depth} process hops in {@code direction}.
   */
  public synchronized LineageGraph graph(
      String qualifiedName, LineageDirection direction, int depth) {
    Dataset root = datasets.get(qualifiedName);
    if (root == null) {
      throw new InvalidFieldException(
          "qualifiedName", "dataset.known", "no dataset " + qualifiedName + " is recorded");
    }
    if (depth < 1 || depth > 50) {
      throw new InvalidFieldException("depth", "range", "depth must be between 1 and 50");
    }
    Map<String, LineageGraph.Node> nodes = new TreeMap<>();
    Set<LineageGraph.Edge> edges = new TreeSet<>();
    nodes.put(root.qualifiedName(), LineageGraph.Node.of(root));
    if (direction != LineageDirection.DOWNSTREAM) {
      walk(root.qualifiedName(), depth, false, nodes, edges);
    }
    if (direction != LineageDirection.UPSTREAM) {
      walk(root.qualifiedName(), depth, true, nodes, edges);
    }
    return new LineageGraph(
        qualifiedName, direction, depth, List.copyOf(nodes.values()), List.copyOf(edges));
  }

  private void walk(
      String start,
      int depth,
      boolean downstream,
      Map<String, LineageGraph.Node> nodes,
      Set<LineageGraph.Edge> edges) {
    Deque<String> frontier = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>(frontier);
    for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
      Deque<String> next = new ArrayDeque<>();
      for (String dataset : frontier) {
        List<LineageProcess> adjacent =
            (downstream ? readers : writers)
                .getOrDefault(dataset, List.of()).stream()
                    .sorted(Comparator.comparing(LineageProcess::qualifiedName))
                    .toList();
        for (LineageProcess process : adjacent) {
          nodes.putIfAbsent(process.qualifiedName(), LineageGraph.Node.of(process));
          for (String input : process.inputs()) {
            add(input, nodes);
            edges.add(new LineageGraph.Edge(input, process.qualifiedName()));
          }
          for (String output : process.outputs()) {
            add(output, nodes);
            edges.add(new LineageGraph.Edge(process.qualifiedName(), output));
          }
          for (String reached : downstream ? process.outputs() : process.inputs()) {
            if (seen.add(reached)) {
              next.add(reached);
            }
          }
        }
      }
      frontier = next;
    }
  }

  private void add(String dataset, Map<String, LineageGraph.Node> nodes) {
    nodes.computeIfAbsent(dataset, name -> LineageGraph.Node.of(datasets.get(name)));
  }

  private void unlink(LineageProcess process) {
    process.inputs().forEach(n -> readers.getOrDefault(n, new ArrayList<>()).remove(process));
    process.outputs().forEach(n -> writers.getOrDefault(n, new ArrayList<>()).remove(process));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
