package cn.govdata.catalog.application;

import cn.govdata.catalog.jdbc.Columns;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ApplicationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(
      ApplicationKind kind,
      long entryId,
      String resourceCode,
      long providerDepartmentId,
      Long applicantDepartmentId,
      String applicantUser,
      ApplicationRequest request) {
    PublicApplicant person = request.applicant();
    OffsetDateTime now = now();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO application (kind, entry_id, resource_code, provider_department_id,"
                + " applicant_department_id, applicant_user, applicant_name,"
                + " applicant_organisation, applicant_contact, purpose, legal_basis,"
                + " requested_items, requested_regions, requested_from, requested_until, status,"
                + " created_at, updated_at) VALUES (:kind, :entry, :code, :provider, :applicant,"
                + " :user, :name, :organisation, :contact, :purpose, :basis, :items, :regions,"
                + " :from, :until, :status, :now, :now)")
        .param("kind", kind.name())
        .param("entry", entryId)
        .param("code", resourceCode)
        .param("provider", providerDepartmentId)
        .param("applicant", applicantDepartmentId)
        .param("user", applicantUser)
        .param("name", person == null ? null : person.name())
        .param("organisation", person == null ? null : person.organisation())
        .param("contact", person == null ? null : person.contact())
        .param("purpose", request.purpose())
        .param("basis", request.legalBasis())
        .param("items", write(request.items()))
        .param("regions", write(request.regionCodes()))
        .param("from", request.validFrom())
        .param("until", request.validUntil())
        .param("status", ApplicationStatus.SUBMITTED.name())
        .param("now", now)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  Optional<Application> find(long id) {
    return jdbc.sql("SELECT * FROM application WHERE id = :id")
        .param("id", id)
        .query(this::application)
        .optional();
  }

  Optional<Application> findForUpdate(long id) {
    return jdbc.sql("SELECT * FROM application WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(this::application)
        .optional();
  }

  void decide(
      long id,
      ApplicationStatus status,
      List<String> items,
      List<String> regions,
      LocalDate from,
      LocalDate until,
      String reason,
      String decidedBy) {
    jdbc.sql(
            "UPDATE application SET status = :status, granted_items = :items, granted_regions ="
                + " :regions, granted_from = :from, granted_until = :until, decision_reason ="
                + " :reason, decided_by = :by, updated_at = :now WHERE id = :id")
        .param("status", status.name())
        .param("items", items == null ? null : write(items))
        .param("regions", regions == null ? null : write(regions))
        .param("from", from)
        .param("until", until)
        .param("reason", reason)
        .param("by", decidedBy)
        .param("now", now())
        .param("id", id)
        .update();
  }

  void setStatus(long id, ApplicationStatus status, String reason) {
    jdbc.sql(
            "UPDATE application SET status = :status, decision_reason = COALESCE(:reason,"
                + " decision_reason), updated_at = :now WHERE id = :id")
        .param("status", status.name())
        .param("reason", reason)
        .param("now", now())
        .param("id", id)
        .update();
  }

  void addStep(
      long applicationId, String actor, String action, ApplicationStatus status, String reason) {
    jdbc.sql(
            "INSERT INTO application_step (application_id, occurred_at, actor, action, status,"
                + " reason) VALUES (:application, :at, :actor, :action, :status, :reason)")
        .param("application", applicationId)
        .param("at", now())
        .param("actor", actor)
        .param("action", action)
        .param("status", status.name())
        .param("reason", reason)
        .update();
  }

  List<ApplicationStep> steps(long applicationId) {
    return jdbc.sql(
            "SELECT * FROM application_step WHERE application_id = :application ORDER BY id")
        .param("application", applicationId)
        .query(
            (rs, n) ->
                new ApplicationStep(
                    instant(rs, "occurred_at"),
                    rs.getString("actor"),
                    rs.getString("action"),
                    ApplicationStatus.valueOf(rs.getString("status")),
                    rs.getString("reason")))
        .list();
  }

  /**
   * Whether the applicant (a department for a share application, else the user) already has a
   * pending or approved application for the entry.
   */
  boolean pendingOrGranted(long entryId, ApplicationKind kind, Long departmentId, String user) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM application WHERE entry_id = :entry AND kind = :kind AND status"
                    + " IN ('SUBMITTED', 'APPROVED') AND "
                    + (kind == ApplicationKind.SHARE
                        ? "applicant_department_id = :department"
                        : "applicant_user = :user"))
            .param("entry", entryId)
            .param("kind", kind.name())
            .params(
                kind == ApplicationKind.SHARE
                    ? Map.of("department", departmentId)
                    : Map.of("user", user))
            .query(Long.class)
            .single()
        > 0;
  }

  /** The approved applications, for the policy compiler. */
  List<Application> approved() {
    return jdbc.sql("SELECT * FROM application WHERE status = 'APPROVED' ORDER BY id")
        .query(this::application)
        .list();
  }

  /** Approved applications whose last granted day is before {@code today}. */
  List<Long> expiredBefore(LocalDate today) {
    return jdbc.sql(
            "SELECT id FROM application WHERE status = 'APPROVED' AND granted_until < :today"
                + " ORDER BY id")
        .param("today", today)
        .query(Long.class)
        .list();
  }

  /**
   * The applications the caller may see: staff who see every department see all; a department's
   * staff those it provides or applied for; anyone else those they applied for themselves.
   */
  Page<Application> visible(Caller caller, ApplicationStatus status, Page.Request page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (!caller.seesAllDepartments()) {
      if (caller.is(Role.CATALOGUER)) {
        where.append(
            " AND (provider_department_id = :department OR applicant_department_id ="
                + " :department)");
        params.put("department", caller.departmentId());
      } else {
        where.append(" AND applicant_user = :user AND kind = 'OPEN'");
        params.put("user", caller.username());
      }
    }
    if (status != null) {
      where.append(" AND status = :status");
      params.put("status", status.name());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM application" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Application> items =
        jdbc.sql(
                "SELECT * FROM application"
                    + where
                    + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(this::application)
            .list();
    return new Page<>(items, page.page(), page.size(), total);
  }

  private Application application(ResultSet rs, int row) throws SQLException {
    String name = rs.getString("applicant_name");
    return new Application(
        rs.getLong("id"),
        ApplicationKind.valueOf(rs.getString("kind")),
        rs.getLong("entry_id"),
        rs.getString("resource_code"),
        rs.getLong("provider_department_id"),
        rs.getObject("applicant_department_id", Long.class),
        rs.getString("applicant_user"),
        name == null
            ? null
            : new PublicApplicant(
                name, rs.getString("applicant_organisation"), rs.getString("applicant_contact")),
        rs.getString("purpose"),
        rs.getString("legal_basis"),
        read(rs.getString("requested_items")),
        read(rs.getString("requested_regions")),
        rs.getObject("requested_from", LocalDate.class),
        rs.getObject("requested_until", LocalDate.class),
        ApplicationStatus.valueOf(rs.getString("status")),
        read(rs.getString("granted_items")),
        read(rs.getString("granted_regions")),
        rs.getObject("granted_from", LocalDate.class),
        rs.getObject("granted_until", LocalDate.class),
        rs.getString("decision_reason"),
        rs.getString("decided_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return Columns.instant(rs, column);
  }

  private String write(List<String> values) {
    return Columns.writeList(json, values);
  }

  private List<String> read(String text) {
    return Columns.readList(json, text);
  }

  private static OffsetDateTime now() {
    return Columns.now();
  }
}
