package cn.govdata.catalog.portal;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Applications for 有条件开放 (conditionally open) data, recorded for the providing department to
 * review. The portal only records them; the review is the department's.
 */
@Repository
public class OpenApplications {

  private final JdbcClient jdbc;

  OpenApplications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What an applicant fills in; each field is checked and named when wrong. */
  public record Form(String applicant, String organisation, String email, String purpose) {
    public Form {
      applicant = Checks.requiredText(applicant, "applicant", 100);
      organisation = Checks.optionalText(organisation, "organisation", 200);
      email = Checks.requiredText(email, "email", 200);
      if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new InvalidFieldException("email", "email.format", "email is not an e-mail address");
      }
      purpose = Checks.requiredText(purpose, "purpose", 2000);
    }
  }

  public OpenApplication submit(Entry entry, Form form) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO open_application (entry_id, applicant, organisation, email, purpose,"
                + " status, submitted_at) VALUES (:entry, :applicant, :organisation, :email,"
                + " :purpose, 'SUBMITTED', :at)")
        .param("entry", entry.id())
        .param("applicant", form.applicant())
        .param("organisation", form.organisation())
        .param("email", form.email())
        .param("purpose", form.purpose())
        .param("at", now)
        .update(key, "id");
    long id = key.getKey().longValue();
    return new OpenApplication(
        id,
        entry.id(),
        form.applicant(),
        form.organisation(),
        form.email(),
        form.purpose(),
        "SUBMITTED",
        now.toInstant());
  }

  public List<OpenApplication> list() {
    return jdbc.sql("SELECT * FROM open_application ORDER BY id DESC")
        .query(
            (rs, n) ->
                new OpenApplication(
                    rs.getLong("id"),
                    rs.getLong("entry_id"),
                    rs.getString("applicant"),
                    rs.getString("organisation"),
                    rs.getString("email"),
                    rs.getString("purpose"),
                    rs.getString("status"),
                    rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
