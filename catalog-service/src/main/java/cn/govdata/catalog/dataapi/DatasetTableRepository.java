package cn.govdata.catalog.dataapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which gateway table backs which directory entry ({@code dataset_table}). */
@Repository
public class DatasetTableRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SELECT =
      "SELECT entry_id, database_name, table_name, columns_json, region_column FROM dataset_table";

  private static final org.springframework.jdbc.core.RowMapper<DatasetTable> MAPPER =
      (rs, n) ->
          new DatasetTable(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              columns(rs.getString(4)),
              rs.getString(5));

  private final JdbcClient jdbc;

  DatasetTableRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DatasetTable> find(long entryId) {
    return jdbc.sql(SELECT + " WHERE entry_id = :id").param("id", entryId).query(MAPPER).optional();
  }

  List<DatasetTable> all() {
    return jdbc.sql(SELECT + " ORDER BY entry_id").query(MAPPER).list();
  }

  List<Long> mappedEntryIds() {
    return jdbc.sql("SELECT entry_id FROM dataset_table ORDER BY entry_id")
        .query(Long.class)
        .list();
  }

  /** The id of the entry with this resource code (信息资源代码), if any. */
  Optional<Long> entryIdByCode(String code) {
    return jdbc.sql("SELECT id FROM entry WHERE code = :code")
        .param("code", code)
        .query(Long.class)
        .optional();
  }

  void save(DatasetTable table, String actor) {
    String columns;
    try {
      columns = JSON.writeValueAsString(table.columns());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
    Map<String, Object> values = new HashMap<>();
    values.put("id", table.entryId());
    values.put("database", table.database());
    values.put("table", table.table());
    values.put("columns", columns);
    values.put("region", table.regionColumn());
    values.put("actor", actor);
    values.put("now", OffsetDateTime.now(ZoneOffset.UTC));
    int updated =
        jdbc.sql(
                "UPDATE dataset_table SET database_name = :database, table_name = :table,"
                    + " columns_json = :columns, region_column = :region, updated_by = :actor, updated_at = :now"
                    + " WHERE entry_id = :id")
            .params(values)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO dataset_table (entry_id, database_name, table_name, columns_json,"
                  + " region_column, updated_by, updated_at) VALUES (:id, :database, :table,"
                  + " :columns, :region, :actor, :now)")
          .params(values)
          .update();
    }
  }

  private static LinkedHashMap<String, String> columns(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dataset_table.columns_json is not a JSON object", e);
    }
  }
}
