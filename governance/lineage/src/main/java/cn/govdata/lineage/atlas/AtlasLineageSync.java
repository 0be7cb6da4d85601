package cn.govdata.lineage.atlas;

import cn.govdata.lineage.graph.Dataset;
import cn.govdata.lineage.graph.DatasetKind;
import cn.govdata.lineage.graph.LineageDirection;
import cn.govdata.lineage.graph.LineageGraph;
import cn.govdata.lineage.graph.LineageProcess;
import cn.govdata.lineage.graph.LineageRecords;
import com.sun.jersey.api.client.ClientHandlerException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.atlas.AtlasClientV2;
import org.apache.atlas.AtlasServiceException;
import org.apache.atlas.model.SearchFilter;
import org.apache.atlas.model.audit.EntityAuditEventV2;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntityHeader;
import org.apache.atlas.model.instance.EntityMutationResponse;
import org.apache.atlas.model.lineage.AtlasLineageInfo;
import org.apache.atlas.model.lineage.AtlasLineageInfo.LineageRelation;
import org.apache.atlas.model.typedef.AtlasBaseTypeDef;
import org.apache.atlas.model.typedef.AtlasClassificationDef;
import org.apache.atlas.model.typedef.AtlasEntityDef;
import org.apache.atlas.model.typedef.AtlasRelationshipDef;
import org.apache.atlas.model.typedef.AtlasTypesDef;
import org.apache.atlas.type.AtlasType;
import org.apache.commons.configuration.BaseConfiguration;
import org.apache.commons.configuration.Configuration;

/**
 * Mirrors the platform's lineage records into Apache Atlas through {@code atlas-client-v2}: the
 * type definitions, directory resources, tables and columns with their sensitivity classifications,
 * and pipeline runs and deliveries as Atlas processes; and reads lineage back in the platform's
 * graph form. Atlas is optional: the platform's own records are the source, this class only copies
 * them.
 */
public final class AtlasLineageSync {

  /** Entities per bulk request; Atlas handles a few hundred per call comfortably. */
  static final int BATCH = 200;

  private final AtlasClientV2 atlas;
  private final AtlasEntityMapper mapper = new AtlasEntityMapper();

  public AtlasLineageSync(AtlasClientV2 atlas) {
    this.atlas = Objects.requireNonNull(atlas, "atlas");
  }

  /**
   * A client for the Atlas server at {@code baseUrl} with basic authentication. Failover retries
   * are turned down to one attempt: the platform retries syncs itself, and a missing Atlas must not
   * hold a pipeline for the client's default 20 seconds.
   */
  public static AtlasClientV2 connect(URI baseUrl, String user, String password, Duration timeout) {
    Configuration configuration = new BaseConfiguration();
    configuration.setProperty("atlas.client.readTimeoutMSecs", (int) timeout.toMillis());
    configuration.setProperty("atlas.client.connectTimeoutMSecs", (int) timeout.toMillis());
    configuration.setProperty("atlas.client.ha.retries", 1);
    configuration.setProperty("atlas.client.ha.sleep.interval.ms", 0);
    return new AtlasClientV2(
        configuration, new String[] {baseUrl.toString()}, new String[] {user, password});
  }

  /** What a sync did. */
  public record TypeSync(List<String> created, List<String> updated) {}

  /**
   * Creates the platform's type definitions that Atlas lacks and updates those it has, so that a
   * new platform version's attributes reach an existing Atlas.
   */
  public TypeSync syncTypes() {
    AtlasTypesDef wanted = GovdataAtlasTypes.typesDef();
    // getAllTypeDefHeaders would be lighter, but the 2.4.0 client returns its list untyped.
    SearchFilter filter = new SearchFilter();
    filter.setParam(SearchFilter.PARAM_SERVICETYPE, GovdataAtlasTypes.SERVICE_TYPE);
    Set<String> existing =
        new HashSet<>(
            names(call("reading Atlas type definitions", () -> atlas.getAllTypeDefs(filter))));
    AtlasTypesDef toCreate = select(wanted, name -> !existing.contains(name));
    AtlasTypesDef toUpdate = select(wanted, existing::contains);
    if (!toCreate.isEmpty()) {
      call("creating Atlas type definitions", () -> atlas.createAtlasTypeDefs(toCreate));
    }
    if (!toUpdate.isEmpty()) {
      call("updating Atlas type definitions", () -> atlas.updateAtlasTypeDefs(toUpdate));
    }
    return new TypeSync(names(toCreate), names(toUpdate));
  }

  /**
   * Creates or updates datasets with their classifications, containers before contents, in bulk
   * requests of {@value #BATCH}.
   *
   * @return the Atlas guid of each dataset, by qualified name
   */
  public Map<String, String> syncDatasets(Collection<Dataset> datasets) {
    List<Dataset> ordered =
        datasets.stream()
            .sorted(
                Comparator.comparing((Dataset d) -> d.kind() == DatasetKind.COLUMN)
                    .thenComparing(Dataset::qualifiedName))
            .toList();
    List<AtlasEntity> entities = ordered.stream().map(mapper::toEntity).toList();
    return send(entities);
  }

  /**
   * Creates or updates processes; the datasets they name must already be in Atlas (or in {@code
   * records}, which says what kind each one is).
   *
   * @return the Atlas guid of each process, by qualified name
   */
  public Map<String, String> syncProcesses(
      Collection<LineageProcess> processes, LineageRecords records) {
    Function<String, DatasetKind> kindOf =
        name ->
            records
                .dataset(name)
                .orElseThrow(
                    () -> new IllegalArgumentException("dataset " + name + " is not recorded"))
                .kind();
    List<AtlasEntity> entities =
        processes.stream()
            .sorted(Comparator.comparing(LineageProcess::qualifiedName))
            .map(process -> mapper.toEntity(process, kindOf))
            .toList();
    return send(entities);
  }

  /** Everything in {@code records}: datasets first, then the processes between them. */
  public Map<String, String> syncAll(LineageRecords records) {
    Map<String, String> guids = new TreeMap<>(syncDatasets(records.datasets()));
    guids.putAll(syncProcesses(records.processes(), records));
    return guids;
  }

  /**
   * The lineage Atlas holds around {@code dataset}, in the platform's graph form: found by its
   * qualified name, then read with {@code /v2/lineage/{guid}}.
   */
  public LineageGraph lineage(Dataset dataset, LineageDirection direction, int depth) {
    String guid = guidOf(dataset);
    AtlasLineageInfo info =
        call(
            "reading the lineage of " + dataset.qualifiedName(),
            () -> atlas.getLineageInfo(guid, atlasDirection(direction), depth));
    return toGraph(info, dataset.qualifiedName(), direction, depth);
  }

  /** Atlas's audit trail of a dataset (created, updated, classified ...), newest first. */
  public List<EntityAuditEventV2> audit(Dataset dataset, int count) {
    String guid = guidOf(dataset);
    List<?> events =
        call(
            "reading the audit of " + dataset.qualifiedName(),
            () -> atlas.getAuditEvents(guid, null, null, (short) count));
    // The 2.4.0 client declares a typed list but fills it with maps; convert what it gives.
    return events.stream()
        .map(event -> AtlasType.fromLinkedHashMap(event, EntityAuditEventV2.class))
        .toList();
  }

  private String guidOf(Dataset dataset) {
    AtlasEntityHeader header =
        call(
            "finding " + dataset.qualifiedName() + " in Atlas",
            () ->
                atlas.getEntityHeaderByAttribute(
                    GovdataAtlasTypes.typeName(dataset.kind()),
                    Map.of(AtlasEntityMapper.QUALIFIED_NAME, dataset.qualifiedName())));
    return header.getGuid();
  }

  private Map<String, String> send(List<AtlasEntity> entities) {
    Map<String, String> guids = new LinkedHashMap<>();
    for (int start = 0; start < entities.size(); start += BATCH) {
      List<AtlasEntity> batch = entities.subList(start, Math.min(entities.size(), start + BATCH));
      EntityMutationResponse response =
          call(
              "writing " + batch.size() + " entities to Atlas",
              () -> atlas.createEntities(new AtlasEntitiesWithExtInfo(new ArrayList<>(batch))));
      Map<String, String> assigned =
          response.getGuidAssignments() == null ? Map.of() : response.getGuidAssignments();
      for (AtlasEntity entity : batch) {
        String guid = assigned.get(entity.getGuid());
        if (guid == null) {
          throw new AtlasSyncException(
              "Atlas assigned no guid to " + entity.getAttribute(AtlasEntityMapper.QUALIFIED_NAME));
        }
        guids.put((String) entity.getAttribute(AtlasEntityMapper.QUALIFIED_NAME), guid);
      }
    }
    return guids;
  }

  /** A call to Atlas. */
  @FunctionalInterface
  private interface AtlasCall<T> {
    T call() throws AtlasServiceException;
  }

  /** Runs a call, turning the client's two ways of failing into one exception naming the action. */
  private static <T> T call(String action, AtlasCall<T> call) {
    try {
      return call.call();
    } catch (AtlasServiceException e) {
      throw new AtlasSyncException(action, e);
    } catch (ClientHandlerException e) {
      // Atlas unreachable or timed out: the client throws this unchecked.
      throw new AtlasSyncException(action, e);
    }
  }

  static LineageGraph toGraph(
      AtlasLineageInfo info, String root, LineageDirection direction, int depth) {
    Map<String, AtlasEntityHeader> headers =
        info.getGuidEntityMap() == null ? Map.of() : info.getGuidEntityMap();
    Set<LineageRelation> relations = info.getRelations() == null ? Set.of() : info.getRelations();
    Set<String> processes = processGuids(info.getBaseEntityGuid(), relations);
    Map<String, String> ids = new HashMap<>();
    headers.forEach((guid, header) -> ids.put(guid, qualifiedName(header, guid)));
    List<LineageGraph.Node> nodes =
        headers.entrySet().stream()
            .map(
                entry ->
                    node(
                        ids.get(entry.getKey()),
                        entry.getValue(),
                        processes.contains(entry.getKey())))
            .sorted(Comparator.comparing(LineageGraph.Node::id))
            .toList();
    Set<LineageGraph.Edge> edges = new TreeSet<>();
    for (LineageRelation relation : relations) {
      edges.add(
          new LineageGraph.Edge(
              ids.getOrDefault(relation.getFromEntityId(), relation.getFromEntityId()),
              ids.getOrDefault(relation.getToEntityId(), relation.getToEntityId())));
    }
    return new LineageGraph(root, direction, depth, nodes, List.copyOf(edges));
  }

  /**
   * Atlas lineage alternates dataset and process, starting from a dataset: whatever lies an odd
   * number of edges from the root is a process, whatever its type (a Hive hook's, say).
   */
  private static Set<String> processGuids(String rootGuid, Set<LineageRelation> relations) {
    Map<String, List<String>> neighbours = new HashMap<>();
    for (LineageRelation relation : relations) {
      neighbours
          .computeIfAbsent(relation.getFromEntityId(), k -> new ArrayList<>())
          .add(relation.getToEntityId());
      neighbours
          .computeIfAbsent(relation.getToEntityId(), k -> new ArrayList<>())
          .add(relation.getFromEntityId());
    }
    Map<String, Integer> distance = new HashMap<>(Map.of(rootGuid, 0));
    Deque<String> queue = new ArrayDeque<>(List.of(rootGuid));
    while (!queue.isEmpty()) {
      String guid = queue.poll();
      for (String next : neighbours.getOrDefault(guid, List.of())) {
        if (distance.putIfAbsent(next, distance.get(guid) + 1) == null) {
          queue.add(next);
        }
      }
    }
    Set<String> processes = new HashSet<>();
    distance.forEach(
        (guid, d) -> {
          if (d % 2 == 1) {
            processes.add(guid);
          }
        });
    return processes;
  }

  private static LineageGraph.Node node(String id, AtlasEntityHeader header, boolean process) {
    String type =
        GovdataAtlasTypes.kindOf(header.getTypeName()).map(Enum::name).orElse(header.getTypeName());
    Map<String, String> properties = new TreeMap<>();
    if (header.getAttributes() != null) {
      header
          .getAttributes()
          .forEach(
              (name, value) -> {
                if (value != null
                    && !name.equals(AtlasEntityMapper.QUALIFIED_NAME)
                    && !name.equals("name")) {
                  properties.put(name, String.valueOf(value));
                }
              });
    }
    Set<String> classifications = new TreeSet<>();
    if (header.getClassificationNames() != null) {
      for (String name : header.getClassificationNames()) {
        classifications.add(GovdataAtlasTypes.tagOf(name).map(Enum::name).orElse(name));
      }
    }
    Object name = header.getAttribute("name");
    return new LineageGraph.Node(
        id,
        process ? "PROCESS" : "DATASET",
        type,
        name == null ? header.getDisplayText() : name.toString(),
        properties,
        classifications);
  }

  private static String qualifiedName(AtlasEntityHeader header, String guid) {
    Object name = header.getAttribute(AtlasEntityMapper.QUALIFIED_NAME);
    return name == null ? guid : name.toString();
  }

  private static AtlasLineageInfo.LineageDirection atlasDirection(LineageDirection direction) {
    return switch (direction) {
      case UPSTREAM -> AtlasLineageInfo.LineageDirection.INPUT;
      case DOWNSTREAM -> AtlasLineageInfo.LineageDirection.OUTPUT;
      case BOTH -> AtlasLineageInfo.LineageDirection.BOTH;
    };
  }

  private static AtlasTypesDef select(AtlasTypesDef all, Predicate<String> keep) {
    AtlasTypesDef selected = new AtlasTypesDef();
    selected.setEntityDefs(filter(all.getEntityDefs(), keep));
    selected.setRelationshipDefs(filter(all.getRelationshipDefs(), keep));
    selected.setClassificationDefs(filter(all.getClassificationDefs(), keep));
    return selected;
  }

  private static <T extends AtlasBaseTypeDef> List<T> filter(List<T> defs, Predicate<String> keep) {
    return defs.stream().filter(def -> keep.test(def.getName())).toList();
  }

  private static List<String> names(AtlasTypesDef types) {
    List<String> names = new ArrayList<>();
    types.getEntityDefs().stream().map(AtlasEntityDef::getName).forEach(names::add);
    types.getRelationshipDefs().stream().map(AtlasRelationshipDef::getName).forEach(names::add);
    types.getClassificationDefs().stream().map(AtlasClassificationDef::getName).forEach(names::add);
    return names;
  }
}
