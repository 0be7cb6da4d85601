package cn.govdata.catalog.searchindex;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often the portal showed and served each entry: the popularity the search sorts by and the
 * home page's "most used" list. A page view counts 1, a download counts 1.
 */
@Repository
public class EntryUsage {

  private final JdbcClient jdbc;

  EntryUsage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds one use and returns the entry's new total. */
  @Transactional
  public long record(long entryId) {
    int changed =
        jdbc.sql("UPDATE entry_usage SET uses = uses + 1 WHERE entry_id = :id")
            .param("id", entryId)
            .update();
    if (changed == 0) {
      jdbc.sql("INSERT INTO entry_usage (entry_id, uses) VALUES (:id, 1)")
          .param("id", entryId)
          .update();
    }
    return of(entryId);
  }

  public long of(long entryId) {
    return jdbc.sql("SELECT uses FROM entry_usage WHERE entry_id = :id")
        .param("id", entryId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** Every entry's uses, for a full rebuild. */
  public Map<Long, Long> all() {
    return jdbc
        .sql("SELECT entry_id, uses FROM entry_usage")
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
