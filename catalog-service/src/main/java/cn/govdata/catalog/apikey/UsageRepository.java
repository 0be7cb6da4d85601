package cn.govdata.catalog.apikey;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests, rows and refusals counted per key, dataset and day ({@code api_usage}). */
@Repository
class UsageRepository {

  private final JdbcClient jdbc;

  UsageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds to the day's counters, creating the row on the first request of the day. */
  void add(long keyId, long entryId, LocalDate day, long requests, long rows, long refused) {
    Map<String, Object> counts =
        Map.of(
            "key", keyId,
            "entry", entryId,
            "day", day,
            "requests", requests,
            "rows", rows,
            "refused", refused);
    if (update(counts) == 1) {
      return;
    }
    try {
      jdbc.sql(
              "INSERT INTO api_usage (key_id, entry_id, usage_day, requests, rows_returned,"
                  + " refused) VALUES (:key, :entry, :day, :requests, :rows, :refused)")
          .params(counts)
          .update();
    } catch (DuplicateKeyException raced) {
      // a concurrent request of the same key created the row first
      update(counts);
    }
  }

  private int update(Map<String, Object> counts) {
    return jdbc.sql(
            "UPDATE api_usage SET requests = requests + :requests, rows_returned = rows_returned"
                + " + :rows, refused = refused + :refused WHERE key_id = :key AND entry_id = :entry"
                + " AND usage_day = :day")
        .params(counts)
        .update();
  }

  /** The key's requests and rows of the day, over every dataset. */
  long[] dayTotals(long keyId, LocalDate day) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(requests), 0), COALESCE(SUM(rows_returned), 0) FROM api_usage"
                + " WHERE key_id = :key AND usage_day = :day")
        .param("key", keyId)
        .param("day", day)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  /** Usage rows of one owner's keys ({@code null}: everyone's), newest day first. */
  List<Usage> list(String owner, Long keyId, LocalDate from, LocalDate to) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.key_id, u.username, a.entry_id, e.code, a.usage_day, a.requests,"
                + " a.rows_returned, a.refused FROM api_usage a JOIN api_key k ON k.id = a.key_id"
                + " JOIN staff_user u ON u.id = k.user_id JOIN entry e ON e.id = a.entry_id"
                + " WHERE a.usage_day >= :from AND a.usage_day <= :to");
    if (owner != null) {
      sql.append(" AND u.username = :owner");
    }
    if (keyId != null) {
      sql.append(" AND a.key_id = :key");
    }
    sql.append(" ORDER BY a.usage_day DESC, a.key_id, a.entry_id");
    var statement = jdbc.sql(sql.toString()).param("from", from).param("to", to);
    if (owner != null) {
      statement = statement.param("owner", owner);
    }
    if (keyId != null) {
      statement = statement.param("key", keyId);
    }
    return statement
        .query(
            (rs, n) ->
                new Usage(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8)))
        .list();
  }

  /** One key's use of one dataset on one day. */
  record Usage(
      long keyId,
      String owner,
      long entryId,
      String resourceCode,
      LocalDate day,
      long requests,
      long rows,
      long refused) {}
}
