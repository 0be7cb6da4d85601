package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.apikey.ApiKey;
import cn.govdata.catalog.apikey.ApiKeyService;
import cn.govdata.catalog.apikey.DataApiLimits;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.validation.InvalidFieldException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The row-level data API: finds the dataset by entry id or resource code, checks that the caller
 * may read its rows, admits the request against the key's rate and quotas, writes the query as
 * Spark SQL and runs it on the gateway as the caller, then counts the usage.
 */
@Service
class DataApiService {

  private static final Logger log = LoggerFactory.getLogger(DataApiService.class);

  private final DirectoryService directory;
  private final DatasetTableRepository tables;
  private final ApiKeyService keys;
  private final GatewayQueries gateway;
  private final QueryParameters parameters;
  private final GatewayPolicies policies;

  DataApiService(
      DirectoryService directory,
      DatasetTableRepository tables,
      ApiKeyService keys,
      GatewayQueries gateway,
      GatewayPolicies policies,
      DataApiLimits limits) {
    this.policies = policies;
    this.directory = directory;
    this.tables = tables;
    this.keys = keys;
    this.gateway = gateway;
    this.parameters = new QueryParameters(limits.defaultLimit(), limits.maxLimit());
  }

  /** One field of a dataset: its column, the information item (信息项) it holds and its type. */
  record Field(String name, String item, DataType type, String sensitivity) {}

  record Schema(long entryId, String code, String name, String table, List<Field> fields) {}

  record Result(
      Schema dataset,
      List<String> columns,
      List<List<Object>> rows,
      int limit,
      int offset,
      boolean more) {}

  Result read(Caller caller, String id, String rawKey, Map<String, String> query) {
    ApiKey key =
        keys.active(rawKey)
            .filter(k -> k.owner().equals(caller.username()))
            .orElseThrow(
                () ->
                    ApiException.forbidden(
                        "api-key.required",
                        "the data API runs on the gateway as you and needs your X-API-Key"));
    Entry entry = DatasetAccess.requireRows(caller, resolve(caller, id));
    DatasetTable table = table(entry);
    QueryParameters.Parsed parsed = parameters.parse(query);
    SparkSqlRenderer renderer = new SparkSqlRenderer(table, textColumns(entry, table));
    String sql = renderer.render(parsed.query(), parsed.style());
    keys.admit(key, entry.id());
    GatewayQueries.Rows rows;
    try {
      rows = gateway.query(caller.username(), rawKey.strip(), sql);
    } catch (SQLException e) {
      throw gatewayError(entry, e);
    }
    boolean more = rows.values().size() > parsed.query().limit();
    List<List<Object>> page =
        more ? rows.values().subList(0, parsed.query().limit()) : rows.values();
    keys.count(key, entry.id(), page.size());
    return new Result(
        schema(entry, table),
        rows.columns(),
        page,
        parsed.query().limit(),
        parsed.query().offset(),
        more);
  }

  Schema schema(Caller caller, String id) {
    Entry entry = DatasetAccess.requireRows(caller, resolve(caller, id));
    return schema(entry, table(entry));
  }

  /** Datasets the public may read, for the OpenAPI document. */
  List<Schema> publicSchemas() {
    List<Schema> schemas = new ArrayList<>();
    for (long entryId : tables.mappedEntryIds()) {
      try {
        Entry entry = directory.get(Caller.ANONYMOUS, entryId);
        if (DatasetAccess.mayReadRows(Caller.ANONYMOUS, entry)) {
          schemas.add(schema(entry, table(entry)));
        }
      } catch (ApiException notVisible) {
        // not on the open list: its fields stay out of the public document
      }
    }
    return schemas;
  }

  /** Sets the gateway table behind an entry (administrators). */
  Schema map(Caller caller, long entryId, DataController.TableMapping request) {
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.admin", "only a governance administrator maps datasets to gateway tables");
    }
    Entry entry = directory.get(caller, entryId);
    Set<String> items =
        entry.resource().items().stream().map(InformationItem::name).collect(Collectors.toSet());
    Map<String, String> mapping = request.columns() == null ? Map.of() : request.columns();
    for (String item : mapping.keySet()) {
      if (!items.contains(item)) {
        throw new InvalidFieldException(
            "columns." + item,
            "item.unknown",
            "entry " + entryId + " has no information item '" + item + "'");
      }
    }
    DatasetTable mapped =
        new DatasetTable(
            entryId, request.database(), request.table(), mapping, request.regionColumn());
    tables.save(mapped, caller.username());
    policies.publish();
    return schema(entry, mapped);
  }

  private Entry resolve(Caller caller, String id) {
    long entryId;
    if (id.matches("\\d{1,18}")) {
      entryId = Long.parseLong(id);
    } else {
      entryId = tables.entryIdByCode(id).orElseThrow(() -> ApiException.notFound("dataset", id));
    }
    try {
      return directory.get(caller, entryId);
    } catch (ApiException notFound) {
      // the same answer for an id and a code, whichever the caller tried
      throw ApiException.notFound("dataset", id);
    }
  }

  private DatasetTable table(Entry entry) {
    return tables
        .find(entry.id())
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "data table of dataset", entry.code() + " (no table is mapped to it)"));
  }

  private static Schema schema(Entry entry, DatasetTable table) {
    Map<String, InformationItem> items = new LinkedHashMap<>();
    entry.resource().items().forEach(i -> items.put(i.name(), i));
    List<Field> fields = new ArrayList<>();
    table
        .columns()
        .forEach(
            (item, column) -> {
              InformationItem information = items.get(item);
              fields.add(
                  new Field(
                      column,
                      item,
                      information == null ? DataType.STRING : information.dataType(),
                      information == null || information.sensitivity() == null
                          ? "NONE"
                          : information.sensitivity().name()));
            });
    return new Schema(
        entry.id(),
        entry.code().toString(),
        entry.resource().name(),
        table.database() + "." + table.table(),
        fields);
  }

  private static Set<String> textColumns(Entry entry, DatasetTable table) {
    Map<String, DataType> types = new LinkedHashMap<>();
    entry.resource().items().forEach(i -> types.put(i.name(), i.dataType()));
    return table.columns().entrySet().stream()
        .filter(
            c -> types.get(c.getKey()) == DataType.STRING || types.get(c.getKey()) == DataType.TEXT)
        .map(Map.Entry::getValue)
        .collect(Collectors.toSet());
  }

  /**
   * The gateway's refusal as the API's: its authorisation errors are 403, anything else is 502 (the
   * gateway is another service); the message never carries the statement.
   */
  private static RuntimeException gatewayError(Entry entry, SQLException e) {
    String message = String.valueOf(e.getMessage());
    log.warn("gateway query on dataset {} failed: {}", entry.code(), message);
    if (message.contains("denied")
        || message.contains("not authori")
        || message.contains("Permission")) {
      return ApiException.forbidden(
          "gateway.denied", "the SQL gateway's policies deny you dataset " + entry.code());
    }
    if (message.contains("authentication failed") || message.contains("Peer indicated failure")) {
      return ApiException.forbidden(
          "gateway.authentication", "the SQL gateway does not accept your API key yet");
    }
    return new GatewayException("the SQL gateway could not answer the query on " + entry.code());
  }
}
