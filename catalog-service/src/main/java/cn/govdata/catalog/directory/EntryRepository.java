package cn.govdata.catalog.directory;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.Page;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.ResourceCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Directory entries: the current state in {@code entry} (content as JSON plus the columns the
 * filters use) and every state it went through in {@code entry_version}.
 */
@Repository
public class EntryRepository {

  private static final String SELECT =
      "SELECT e.id, e.department_id, e.status, e.version_number, b.batch_number, e.content,"
          + " e.created_at, e.updated_at FROM entry e LEFT JOIN open_batch b ON b.id = e.batch_id";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RowMapper<Entry> entryMapper = this::entry;

  EntryRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The next sequence number of a front code. The counter row stays locked until the calling
   * transaction ends, so concurrent creations queue up and a rolled-back one leaves no gap.
   */
  long nextSequence(String frontCode) {
    jdbc.sql(
            "INSERT INTO code_sequence (front_code, last_value) VALUES (:front, 0)"
                + " ON CONFLICT DO NOTHING")
        .param("front", frontCode)
        .update();
    jdbc.sql("UPDATE code_sequence SET last_value = last_value + 1 WHERE front_code = :front")
        .param("front", frontCode)
        .update();
    return jdbc.sql("SELECT last_value FROM code_sequence WHERE front_code = :front")
        .param("front", frontCode)
        .query(Long.class)
        .single();
  }

  /** Stores a new entry and its first version; returns its id. */
  long insert(
      InformationResource resource,
      long departmentId,
      LifecycleStatus status,
      Long batchId,
      String actor) {
    OffsetDateTime now = now();
    ResourceCode code = resource.code();
    jdbc.sql(
            "INSERT INTO entry (front_code, sequence_number, code, department_id, region_code,"
                + " admin_level, share_type, open_type, grade_category, grade_level, status, name,"
                + " batch_id, version_number, content, created_at, updated_at) VALUES (:front,"
                + " :sequence, :code, :department, :region, :level, :share, :open, :category,"
                + " :grade, :status, :name, :batch, 1, :content, :now, :now)")
        .param("front", code.front())
        .param("sequence", code.sequence())
        .param("code", code.toString())
        .param("department", departmentId)
        .params(indexed(resource, status))
        .param("batch", batchId)
        .param("content", write(resource))
        .param("now", now)
        .update();
    long id =
        jdbc.sql("SELECT id FROM entry WHERE code = :code")
            .param("code", code.toString())
            .query(Long.class)
            .single();
    insertVersion(id, 1, status, batchId, resource, actor, now);
    return id;
  }

  Optional<Entry> find(long id) {
    return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(entryMapper).optional();
  }

  /** Locks the entry's row until the transaction ends, then reads it. */
  Optional<Entry> findForUpdate(long id) {
    List<Long> locked =
        jdbc.sql("SELECT id FROM entry WHERE id = :id FOR UPDATE")
            .param("id", id)
            .query(Long.class)
            .list();
    return locked.isEmpty() ? Optional.empty() : find(id);
  }

  /** Writes the entry's next version: new status, content and batch. */
  void update(
      Entry current,
      LifecycleStatus status,
      InformationResource resource,
      Long batchId,
      String actor) {
    OffsetDateTime now = now();
    int version = current.version() + 1;
    int changed =
        jdbc.sql(
                "UPDATE entry SET region_code = :region, admin_level = :level, share_type = :share,"
                    + " open_type = :open, grade_category = :category, grade_level = :grade,"
                    + " status = :status, name = :name, batch_id = :batch, version_number ="
                    + " :version, content = :content, updated_at = :now"
                    + " WHERE id = :id AND version_number = :previous")
            .params(indexed(resource, status))
            .param("batch", batchId)
            .param("version", version)
            .param("content", write(resource))
            .param("now", now)
            .param("id", current.id())
            .param("previous", current.version())
            .update();
    if (changed != 1) {
      throw new IllegalStateException(
          "entry " + current.id() + " changed under a lock; version " + current.version());
    }
    insertVersion(current.id(), version, status, batchId, resource, actor, now);
  }

  Page<Entry> search(EntryFilter filter, Caller caller, Page.Request page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    where.append(EntryAccess.visibleSql(caller, params));
    if (filter.department() != null) {
      where.append(" AND e.department_id = :department");
      params.put("department", filter.department());
    }
    if (filter.region() != null) {
      where.append(" AND e.region_code LIKE :region");
      params.put("region", filter.regionPattern());
    }
    addEquals(where, params, "e.admin_level", "level", filter.level());
    addEquals(where, params, "e.share_type", "shareType", filter.shareType());
    addEquals(where, params, "e.open_type", "openType", filter.openType());
    addEquals(where, params, "e.grade_category", "gradeCategory", filter.gradeCategory());
    addEquals(where, params, "e.grade_level", "gradeLevel", filter.gradeLevel());
    addEquals(where, params, "e.status", "status", filter.status());
    if (filter.updatedSince() != null) {
      where.append(" AND e.updated_at >= :updatedSince");
      params.put("updatedSince", OffsetDateTime.ofInstant(filter.updatedSince(), ZoneOffset.UTC));
    }
    if (filter.openBatch() != null) {
      where.append(" AND b.batch_number = :openBatch");
      params.put("openBatch", filter.openBatch());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM entry e LEFT JOIN open_batch b ON b.id = e.batch_id" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Entry> items =
        jdbc.sql(SELECT + where + " ORDER BY e.id LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(entryMapper)
            .list();
    return new Page<>(items, page.page(), page.size(), total);
  }

  /** Every published entry, in code order, for the lists. */
  List<Entry> published() {
    return jdbc.sql(SELECT + " WHERE e.status = 'PUBLISHED' ORDER BY e.code")
        .query(entryMapper)
        .list();
  }

  List<EntryVersion> versions(long entryId) {
    return jdbc.sql(
            "SELECT v.version_number, v.status, b.batch_number, v.content, v.changed_by,"
                + " v.changed_at FROM entry_version v LEFT JOIN open_batch b ON b.id = v.batch_id"
                + " WHERE v.entry_id = :id ORDER BY v.version_number")
        .param("id", entryId)
        .query(
            (rs, n) ->
                new EntryVersion(
                    rs.getInt("version_number"),
                    LifecycleStatus.valueOf(rs.getString("status")),
                    rs.getObject("batch_number", Integer.class),
                    rs.getString("changed_by"),
                    instant(rs, "changed_at"),
                    read(rs.getString("content"))))
        .list();
  }

  /** How many entries there are; the demo loads only into an empty directory. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM entry").query(Long.class).single();
  }

  private void insertVersion(
      long entryId,
      int version,
      LifecycleStatus status,
      Long batchId,
      InformationResource resource,
      String actor,
      OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO entry_version (entry_id, version_number, status, batch_id, content,"
                + " changed_by, changed_at) VALUES (:entry, :version, :status, :batch, :content,"
                + " :actor, :at)")
        .param("entry", entryId)
        .param("version", version)
        .param("status", status.name())
        .param("batch", batchId)
        .param("content", write(resource))
        .param("actor", actor)
        .param("at", at)
        .update();
  }

  private static Map<String, Object> indexed(InformationResource resource, LifecycleStatus status) {
    Map<String, Object> params = new HashMap<>();
    params.put("region", resource.provider().regionCode());
    params.put("level", resource.provider().level().name());
    params.put("share", resource.share().type().name());
    params.put("open", resource.open().type().name());
    params.put("category", resource.grade().category().name());
    params.put("grade", resource.grade().level().name());
    params.put("status", status.name());
    params.put("name", resource.name());
    return params;
  }

  private static void addEquals(
      StringBuilder where, Map<String, Object> params, String column, String name, Enum<?> value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = :").append(name);
      params.put(name, value.name());
    }
  }

  private Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getLong("department_id"),
        LifecycleStatus.valueOf(rs.getString("status")),
        rs.getInt("version_number"),
        rs.getObject("batch_number", Integer.class),
        read(rs.getString("content")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private String write(InformationResource resource) {
    try {
      return json.writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a directory resource always serialises", e);
    }
  }

  private InformationResource read(String content) {
    try {
      return json.readValue(content, InformationResource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored entry content does not read back", e);
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
