package cn.govdata.catalog.batch;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BatchRepository {

  private static final String SELECT =
      "SELECT id, batch_number, title, planned_date, actual_date FROM open_batch";
  private static final RowMapper<OpenBatch> BATCH =
      (rs, n) ->
          new OpenBatch(
              rs.getLong("id"),
              rs.getInt("batch_number"),
              rs.getString("title"),
              rs.getObject("planned_date", LocalDate.class),
              rs.getObject("actual_date", LocalDate.class));

  private final JdbcClient jdbc;

  BatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the next batch; numbers follow each other without gaps. */
  public OpenBatch create(String title, LocalDate plannedDate) {
    int number =
        jdbc.sql("SELECT COALESCE(MAX(batch_number), 0) + 1 FROM open_batch")
            .query(Integer.class)
            .single();
    jdbc.sql(
            "INSERT INTO open_batch (batch_number, title, planned_date, created_at)"
                + " VALUES (:number, :title, :planned, :now)")
        .param("number", number)
        .param("title", title)
        .param("planned", Date.valueOf(plannedDate))
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    return findByNumber(number).orElseThrow();
  }

  public void update(int number, String title, LocalDate plannedDate, LocalDate actualDate) {
    jdbc.sql(
            "UPDATE open_batch SET title = :title, planned_date = :planned, actual_date = :actual"
                + " WHERE batch_number = :number")
        .param("title", title)
        .param("planned", Date.valueOf(plannedDate))
        .param("actual", actualDate == null ? null : Date.valueOf(actualDate))
        .param("number", number)
        .update();
  }

  public Optional<OpenBatch> findByNumber(int number) {
    return jdbc.sql(SELECT + " WHERE batch_number = :number")
        .param("number", number)
        .query(BATCH)
        .optional();
  }

  public List<OpenBatch> list() {
    return jdbc.sql(SELECT + " ORDER BY batch_number").query(BATCH).list();
  }
}
