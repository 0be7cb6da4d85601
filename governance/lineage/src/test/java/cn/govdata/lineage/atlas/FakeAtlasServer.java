package cn.govdata.lineage.atlas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.atlas.exception.AtlasBaseException;
import org.apache.atlas.model.SearchFilter;
import org.apache.atlas.model.audit.EntityAuditEventV2;
import org.apache.atlas.model.audit.EntityAuditEventV2.EntityAuditActionV2;
import org.apache.atlas.model.instance.AtlasClassification;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntitiesWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntity.AtlasEntityWithExtInfo;
import org.apache.atlas.model.instance.AtlasEntityHeader;
import org.apache.atlas.model.instance.AtlasObjectId;
import org.apache.atlas.model.instance.EntityMutationResponse;
import org.apache.atlas.model.instance.EntityMutations.EntityOperation;
import org.apache.atlas.model.lineage.AtlasLineageInfo;
import org.apache.atlas.model.lineage.AtlasLineageInfo.LineageDirection;
import org.apache.atlas.model.lineage.AtlasLineageInfo.LineageRelation;
import org.apache.atlas.model.typedef.AtlasBaseTypeDef;
import org.apache.atlas.model.typedef.AtlasEntityDef;
import org.apache.atlas.model.typedef.AtlasStructDef.AtlasAttributeDef;
import org.apache.atlas.model.typedef.AtlasTypeDefHeader;
import org.apache.atlas.model.typedef.AtlasTypesDef;
import org.apache.atlas.type.AtlasClassificationType;
import org.apache.atlas.type.AtlasEntityType;
import org.apache.atlas.type.AtlasType;
import org.apache.atlas.type.AtlasTypeRegistry;
import org.apache.atlas.type.AtlasTypeRegistry.AtlasTransientTypeRegistry;
import org.apache.atlas.type.AtlasTypeUtil;

/**
 * A stand-in for an Atlas server, for tests: it answers the Atlas v2 REST paths the adapter uses,
 * (de)serialising with Atlas's own model classes, and keeps every request it received.
 *
 * <p>It is not Atlas. What it checks, it checks with Atlas's own code: typedefs are loaded into an
 * {@link AtlasTypeRegistry} (which resolves supertypes, attribute types and relationship ends and
 * refuses what Atlas would refuse), entities are validated by their {@link AtlasEntityType}, and
 * classifications by their {@link AtlasClassificationType}. Base types come from a minimal copy of
 * Atlas's base model (Referenceable, Asset, DataSet, Process). Storage, guid assignment, lineage
 * and audit are simple in-memory versions of what Atlas does.
 */
final class FakeAtlasServer implements AutoCloseable {

  static final String USER = "admin";
  static final String PASSWORD = "atlas-test-password";
  private static final String API = "/api/atlas/v2";

  /** One HTTP request as received. */
  record Received(String method, String path, String query, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtlasTypeRegistry registry = new AtlasTypeRegistry();
  private final Map<String, AtlasBaseTypeDef> typeDefs = new LinkedHashMap<>();
  private final Map<String, AtlasEntity> entities = new LinkedHashMap<>();
  private final Map<String, String> guidByQualifiedName = new HashMap<>();
  private final Map<String, List<EntityAuditEventV2>> audits = new HashMap<>();

  FakeAtlasServer() throws IOException, AtlasBaseException {
    addTypes(baseModel(), false);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  synchronized Collection<AtlasEntity> entities() {
    return List.copyOf(entities.values());
  }

  synchronized AtlasBaseTypeDef typeDef(String name) {
    return typeDefs.get(name);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath().replaceAll("/+$", "");
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(method, path, query, body));
    try {
      if (!authorised(exchange)) {
        respond(exchange, 401, error("ATLAS-401-00-001", "authentication required"));
        return;
      }
      respond(exchange, 200, route(method, path, parameters(query), body));
    } catch (AtlasError e) {
      respond(exchange, e.status, error(e.code, e.getMessage()));
    } catch (AtlasBaseException e) {
      respond(exchange, 400, error(e.getAtlasErrorCode().getErrorCode(), e.getMessage()));
    } catch (RuntimeException | LinkageError e) {
      // Answer as Atlas answers an internal error, and keep the cause for the test's report.
      e.printStackTrace();
      respond(exchange, 500, error("ATLAS-500-00-001", String.valueOf(e)));
    }
  }

  private synchronized String route(
      String method, String path, Map<String, String> parameters, String body)
      throws AtlasBaseException {
    Matcher m;
    if (path.equals(API + "/types/typedefs/headers") && method.equals("GET")) {
      return AtlasType.toJson(headers(parameters.get(SearchFilter.PARAM_SERVICETYPE)));
    }
    if (path.equals(API + "/types/typedefs")) {
      switch (method) {
        case "GET":
          return AtlasType.toJson(typesOf(parameters.get(SearchFilter.PARAM_SERVICETYPE)));
        case "POST":
          return AtlasType.toJson(addTypes(AtlasType.fromJson(body, AtlasTypesDef.class), false));
        case "PUT":
          return AtlasType.toJson(addTypes(AtlasType.fromJson(body, AtlasTypesDef.class), true));
        default:
          break;
      }
    }
    if (path.equals(API + "/entity/bulk") && method.equals("POST")) {
      return AtlasType.toJson(bulk(AtlasType.fromJson(body, AtlasEntitiesWithExtInfo.class)));
    }
    if ((m = match(API + "/entity/guid/([^/]+)", path)) != null && method.equals("GET")) {
      return AtlasType.toJson(new AtlasEntityWithExtInfo(entity(m.group(1))));
    }
    if ((m = match(API + "/entity/uniqueAttribute/type/([^/]+)/header", path)) != null) {
      String guid =
          guidByQualifiedName.get(m.group(1) + "|" + parameters.get("attr:qualifiedName"));
      if (guid == null) {
        throw new AtlasError(404, "ATLAS-404-00-009", "instance " + parameters + " not found");
      }
      return AtlasType.toJson(header(entity(guid)));
    }
    if ((m = match(API + "/entity/([^/]+)/audit", path)) != null && method.equals("GET")) {
      entity(m.group(1));
      List<EntityAuditEventV2> events = new ArrayList<>(audits.getOrDefault(m.group(1), List.of()));
      Collections.reverse(events);
      int count = Integer.parseInt(parameters.getOrDefault("count", "100"));
      return AtlasType.toJson(events.subList(0, Math.min(count, events.size())));
    }
    if ((m = match(API + "/lineage/([^/]+)", path)) != null && method.equals("GET")) {
      return AtlasType.toJson(
          lineage(
              m.group(1),
              LineageDirection.valueOf(parameters.getOrDefault("direction", "BOTH")),
              Integer.parseInt(parameters.getOrDefault("depth", "3"))));
    }
    throw new AtlasError(404, "ATLAS-404-00-000", method + " " + path + " is not served");
  }

  private AtlasTypesDef addTypes(AtlasTypesDef types, boolean update) throws AtlasBaseException {
    for (AtlasBaseTypeDef def : all(types)) {
      boolean exists = typeDefs.containsKey(def.getName());
      if (!update && exists) {
        throw new AtlasError(
            409, "ATLAS-409-00-001", "Given type " + def.getName() + " already exists");
      }
      if (update && !exists) {
        throw new AtlasError(
            404, "ATLAS-404-00-001", "Given typename " + def.getName() + " was invalid");
      }
    }
    AtlasTransientTypeRegistry transientRegistry = registry.lockTypeRegistryForUpdate();
    boolean committed = false;
    try {
      if (update) {
        transientRegistry.updateTypes(types);
      } else {
        transientRegistry.addTypes(types);
      }
      committed = true;
    } finally {
      registry.releaseTypeRegistryForUpdate(transientRegistry, committed);
    }
    for (AtlasBaseTypeDef def : all(types)) {
      if (def.getGuid() == null) {
        def.setGuid(
            typeDefs.containsKey(def.getName())
                ? typeDefs.get(def.getName()).getGuid()
                : UUID.randomUUID().toString());
      }
      typeDefs.put(def.getName(), def);
    }
    return types;
  }

  private EntityMutationResponse bulk(AtlasEntitiesWithExtInfo request) throws AtlasBaseException {
    EntityMutationResponse response = new EntityMutationResponse();
    Map<String, String> assignments = new LinkedHashMap<>();
    Map<String, String> batch = new LinkedHashMap<>();
    for (AtlasEntity entity : request.getEntities()) {
      AtlasEntityType type = registry.getEntityTypeByName(entity.getTypeName());
      if (type == null) {
        throw new AtlasError(
            404,
            "ATLAS-404-00-007",
            "Type ENTITY with name " + entity.getTypeName() + " does not exist");
      }
      validate(type, entity);
      String key = entity.getTypeName() + "|" + entity.getAttribute("qualifiedName");
      String guid = guidByQualifiedName.getOrDefault(key, UUID.randomUUID().toString());
      assignments.put(entity.getGuid(), guid);
      batch.put(key, guid);
    }
    for (AtlasEntity entity : request.getEntities()) {
      String key = entity.getTypeName() + "|" + entity.getAttribute("qualifiedName");
      String guid = assignments.get(entity.getGuid());
      resolveReferences(entity, batch);
      boolean created = !entities.containsKey(guid);
      entity.setGuid(guid);
      entity.setStatus(AtlasEntity.Status.ACTIVE);
      entities.put(guid, entity);
      guidByQualifiedName.put(key, guid);
      response.addEntity(created ? EntityOperation.CREATE : EntityOperation.UPDATE, header(entity));
      audit(
          guid,
          created ? EntityAuditActionV2.ENTITY_CREATE : EntityAuditActionV2.ENTITY_UPDATE,
          entity);
      if (entity.getClassifications() != null) {
        for (AtlasClassification classification : entity.getClassifications()) {
          audit(guid, EntityAuditActionV2.CLASSIFICATION_ADD, classification.getTypeName());
        }
      }
    }
    response.setGuidAssignments(assignments);
    return response;
  }

  /** What Atlas checks of an entity before storing it, with Atlas's own type classes. */
  private void validate(AtlasEntityType type, AtlasEntity entity) {
    List<String> messages = new ArrayList<>();
    type.validateValue(entity, entity.getTypeName(), messages);
    entity.getAttributes().keySet().stream()
        .filter(name -> type.getAttribute(name) == null)
        .forEach(name -> messages.add(entity.getTypeName() + "." + name + ": no such attribute"));
    if (entity.getRelationshipAttributes() != null) {
      entity.getRelationshipAttributes().keySet().stream()
          .filter(name -> !type.hasRelationshipAttribute(name))
          .forEach(
              name ->
                  messages.add(
                      entity.getTypeName() + "." + name + ": no such relationship attribute"));
    }
    if (entity.getClassifications() != null) {
      for (AtlasClassification classification : entity.getClassifications()) {
        AtlasClassificationType classificationType =
            registry.getClassificationTypeByName(classification.getTypeName());
        if (classificationType == null) {
          messages.add(classification.getTypeName() + ": no such classification");
        } else if (!classificationType.canApplyToEntityType(type)) {
          messages.add(
              classification.getTypeName() + " cannot be applied to " + type.getTypeName());
        }
      }
    }
    if (!messages.isEmpty()) {
      throw new AtlasError(400, "ATLAS-400-00-01D", String.join("; ", messages));
    }
  }

  /** Replaces references by unique attribute with guids, as Atlas resolves them. */
  private void resolveReferences(AtlasEntity entity, Map<String, String> batch) {
    for (String name : List.of("inputs", "outputs")) {
      Object value = entity.getAttribute(name);
      if (value instanceof List<?> list) {
        List<AtlasObjectId> resolved = new ArrayList<>();
        for (Object item : list) {
          resolved.add(resolve(AtlasType.fromLinkedHashMap(item, AtlasObjectId.class), batch));
        }
        entity.setAttribute(name, resolved);
      }
    }
    if (entity.getRelationshipAttributes() != null) {
      entity
          .getRelationshipAttributes()
          .replaceAll(
              (name, value) ->
                  resolve(AtlasType.fromLinkedHashMap(value, AtlasObjectId.class), batch));
    }
  }

  private AtlasObjectId resolve(AtlasObjectId id, Map<String, String> batch) {
    String guid = id.getGuid();
    if (guid == null || guid.startsWith("-")) {
      String key = id.getTypeName() + "|" + id.getUniqueAttributes().get("qualifiedName");
      guid = batch.containsKey(key) ? batch.get(key) : guidByQualifiedName.get(key);
    }
    if (guid == null) {
      throw new AtlasError(404, "ATLAS-404-00-00A", "Referenced entity " + id + " is not found");
    }
    return new AtlasObjectId(guid, id.getTypeName());
  }

  /**
   * Lineage as Atlas computes it: data flows dataset → process → dataset, depth in process hops.
   */
  private AtlasLineageInfo lineage(String guid, LineageDirection direction, int depth) {
    entity(guid);
    Map<String, AtlasEntityHeader> nodes = new LinkedHashMap<>();
    Set<LineageRelation> relations = new LinkedHashSet<>();
    nodes.put(guid, header(entities.get(guid)));
    if (direction != LineageDirection.OUTPUT) {
      walk(guid, depth, "outputs", "inputs", nodes, relations);
    }
    if (direction != LineageDirection.INPUT) {
      walk(guid, depth, "inputs", "outputs", nodes, relations);
    }
    return new AtlasLineageInfo(guid, nodes, relations, direction, depth);
  }

  private void walk(
      String start,
      int depth,
      String towards,
      String away,
      Map<String, AtlasEntityHeader> nodes,
      Set<LineageRelation> relations) {
    Deque<String> frontier = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>(frontier);
    for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
      Deque<String> next = new ArrayDeque<>();
      for (String dataset : frontier) {
        for (AtlasEntity process : entities.values()) {
          if (!registry.getEntityTypeByName(process.getTypeName()).isSubTypeOf("Process")
              || !guids(process, towards).contains(dataset)) {
            continue;
          }
          nodes.put(process.getGuid(), header(process));
          for (String input : guids(process, "inputs")) {
            relations.add(new LineageRelation(input, process.getGuid(), null));
          }
          for (String output : guids(process, "outputs")) {
            relations.add(new LineageRelation(process.getGuid(), output, null));
          }
          for (String other : guids(process, away)) {
            nodes.put(other, header(entities.get(other)));
            if (seen.add(other)) {
              next.add(other);
            }
          }
          for (String same : guids(process, towards)) {
            nodes.put(same, header(entities.get(same)));
          }
        }
      }
      frontier = next;
    }
  }

  private static List<String> guids(AtlasEntity process, String attribute) {
    List<String> guids = new ArrayList<>();
    Object value = process.getAttribute(attribute);
    if (value instanceof List<?> list) {
      for (Object item : list) {
        guids.add(((AtlasObjectId) item).getGuid());
      }
    }
    return guids;
  }

  private AtlasEntity entity(String guid) {
    AtlasEntity entity = entities.get(guid);
    if (entity == null) {
      throw new AtlasError(
          404, "ATLAS-404-00-005", "Given instance guid " + guid + " is invalid/not found");
    }
    return entity;
  }

  private static AtlasEntityHeader header(AtlasEntity entity) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("qualifiedName", entity.getAttribute("qualifiedName"));
    attributes.put("name", entity.getAttribute("name"));
    AtlasEntityHeader header =
        new AtlasEntityHeader(entity.getTypeName(), entity.getGuid(), attributes);
    header.setDisplayText((String) entity.getAttribute("name"));
    header.setStatus(AtlasEntity.Status.ACTIVE);
    List<String> classifications = new ArrayList<>();
    if (entity.getClassifications() != null) {
      entity.getClassifications().forEach(c -> classifications.add(c.getTypeName()));
    }
    header.setClassificationNames(classifications);
    return header;
  }

  private void audit(String guid, EntityAuditActionV2 action, Object details) {
    EntityAuditEventV2 event = new EntityAuditEventV2();
    event.setEntityId(guid);
    event.setTimestamp(System.currentTimeMillis());
    event.setUser(USER);
    event.setAction(action);
    event.setDetails(details instanceof String s ? s : AtlasType.toJson(details));
    audits.computeIfAbsent(guid, g -> new ArrayList<>()).add(event);
  }

  private List<AtlasTypeDefHeader> headers(String serviceType) {
    return typeDefs.values().stream()
        .filter(def -> serviceType == null || serviceType.equals(def.getServiceType()))
        .map(AtlasTypeDefHeader::new)
        .toList();
  }

  private AtlasTypesDef typesOf(String serviceType) {
    AtlasTypesDef types = new AtlasTypesDef();
    for (AtlasBaseTypeDef def : typeDefs.values()) {
      if (serviceType != null && !serviceType.equals(def.getServiceType())) {
        continue;
      }
      if (def instanceof AtlasEntityDef entityDef) {
        types.getEntityDefs().add(entityDef);
      } else if (def
          instanceof org.apache.atlas.model.typedef.AtlasRelationshipDef relationshipDef) {
        types.getRelationshipDefs().add(relationshipDef);
      } else if (def
          instanceof org.apache.atlas.model.typedef.AtlasClassificationDef classificationDef) {
        types.getClassificationDefs().add(classificationDef);
      }
    }
    return types;
  }

  private static List<AtlasBaseTypeDef> all(AtlasTypesDef types) {
    List<AtlasBaseTypeDef> all = new ArrayList<>();
    all.addAll(types.getEnumDefs());
    all.addAll(types.getStructDefs());
    all.addAll(types.getClassificationDefs());
    all.addAll(types.getEntityDefs());
    all.addAll(types.getRelationshipDefs());
    return all;
  }

  /**
   * The part of Atlas's base model (models/0000-Area0/0010-base_model.json) the platform builds on.
   */
  private static AtlasTypesDef baseModel() {
    AtlasAttributeDef qualifiedName =
        AtlasTypeUtil.createUniqueRequiredAttrDef("qualifiedName", "string");
    AtlasEntityDef referenceable =
        AtlasTypeUtil.createClassTypeDef("Referenceable", Set.of(), qualifiedName);
    AtlasEntityDef asset =
        AtlasTypeUtil.createClassTypeDef(
            "Asset",
            Set.of(),
            AtlasTypeUtil.createRequiredAttrDef("name", "string"),
            AtlasTypeUtil.createOptionalAttrDef("description", "string"),
            AtlasTypeUtil.createOptionalAttrDef("owner", "string"));
    AtlasEntityDef dataSet =
        AtlasTypeUtil.createClassTypeDef("DataSet", Set.of("Referenceable", "Asset"));
    AtlasEntityDef process =
        AtlasTypeUtil.createClassTypeDef(
            "Process",
            Set.of("Referenceable", "Asset"),
            AtlasTypeUtil.createOptionalAttrDef("inputs", "array<DataSet>"),
            AtlasTypeUtil.createOptionalAttrDef("outputs", "array<DataSet>"));
    AtlasTypesDef types = new AtlasTypesDef();
    types.setEntityDefs(List.of(referenceable, asset, dataSet, process));
    types.getEntityDefs().forEach(def -> def.setServiceType("atlas_core"));
    return types;
  }

  private static boolean authorised(HttpExchange exchange) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        parameters.put(key, value);
      }
    }
    return parameters;
  }

  private static Matcher match(String regex, String path) {
    Matcher m = Pattern.compile(regex).matcher(path);
    return m.matches() ? m : null;
  }

  private static String error(String code, String message) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("errorCode", code);
    error.put("errorMessage", message);
    return AtlasType.toJson(error);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** An error Atlas would answer with this status and error code. */
  private static final class AtlasError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    AtlasError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
