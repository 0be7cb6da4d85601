package cn.govdata.catalog.application;

import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.jdbc.AfterCommit;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Page;
import cn.govdata.governance.codes.CodeCheck;
import cn.govdata.governance.codes.RegionDirectory;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.policy.CompiledPolicy;
import cn.govdata.governance.policy.PublishedTable;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for conditional resources and their decisions. A department's staff apply for
 * another department's 有条件共享 entry; a member of the public (a developer account) applies for 有条件开放
 * data; the providing department's staff or an administrator approve, possibly narrowing, refuse or
 * revoke. Both sides see the application and its history; a third department sees nothing (404).
 * Every step is written to the audit trail in its transaction, and every change to what is granted
 * republishes the compiled policies once it is committed.
 */
@Service
public class ApplicationService {

  /** Dates of use are days in the zone's local time. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final Logger LOG = LoggerFactory.getLogger(ApplicationService.class);
  private static final Caller SYSTEM = new Caller("system", Role.GOVERNANCE_ADMIN, null);

  private final ApplicationRepository applications;
  private final DirectoryService directory;
  private final DepartmentRepository departments;
  private final RegionDirectory regions;
  private final AuditLog audit;
  private final PolicyPublisher publisher;
  private final ApplicationEventPublisher events;

  ApplicationService(
      ApplicationRepository applications,
      DirectoryService directory,
      DepartmentRepository departments,
      RegionDirectory regions,
      AuditLog audit,
      PolicyPublisher publisher,
      ApplicationEventPublisher events) {
    this.applications = applications;
    this.directory = directory;
    this.departments = departments;
    this.regions = regions;
    this.audit = audit;
    this.publisher = publisher;
    this.events = events;
  }

  @Transactional
  public Application apply(Caller caller, ApplicationRequest request) {
    Entry entry = directory.get(caller, request.entryId());
    ApplicationKind kind;
    Department applicantDepartment = null;
    if (caller.is(Role.CATALOGUER)) {
      kind = ApplicationKind.SHARE;
      if (!entry.onSharedList() || entry.resource().share().type() != ShareType.CONDITIONAL) {
        throw ApiException.conflict(
            "application.not-conditional",
            "entry " + entry.id() + " is not a published 有条件共享 resource");
      }
      if (entry.departmentId() == caller.departmentId()) {
        throw ApiException.conflict(
            "application.own-resource", "a department does not apply for its own resource");
      }
      applicantDepartment = department(caller.departmentId());
    } else if (caller.is(Role.DEVELOPER)) {
      kind = ApplicationKind.OPEN;
      if (!entry.onOpenList() || entry.resource().open().type() != OpenType.CONDITIONAL) {
        throw ApiException.conflict(
            "application.not-conditional",
            "entry " + entry.id() + " is not a published 有条件开放 resource");
      }
      if (request.applicant() == null) {
        throw new InvalidFieldException(
            "applicant", "required", "an open application names the applicant and a contact");
      }
    } else {
      throw ApiException.forbidden(
          "application.applicant-role",
          "department staff apply for shared data and registered members of the public for open"
              + " data; reviewers and administrators decide");
    }
    return submit(caller, entry, kind, applicantDepartment, request);
  }

  /**
   * An application from the portal's form for 有条件开放 data, by someone without an account: the person
   * applies as a {@link PublicApplicant} for every item of the entry, from today for a year, and
   * the providing department decides it like any other open application. It is recorded under the
   * user name {@code portal:<contact>}, which no account can have (user names have no colon).
   */
  @Transactional
  public Application applyFromPortal(long entryId, PublicApplicant applicant, String purpose) {
    Entry entry = directory.get(Caller.ANONYMOUS, entryId);
    if (!entry.onOpenList() || entry.resource().open().type() != OpenType.CONDITIONAL) {
      throw ApiException.conflict(
          "application.not-conditional",
          "entry " + entry.id() + " is not a published 有条件开放 resource");
    }
    LocalDate today = today();
    ApplicationRequest request =
        new ApplicationRequest(
            entry.id(),
            purpose,
            PORTAL_LEGAL_BASIS,
            entry.resource().items().stream().map(InformationItem::name).toList(),
            List.of(),
            today,
            today.plusDays(ApplicationRequest.MAX_DAYS - 1),
            applicant);
    String user = "portal:" + applicant.contact();
    Caller person = new Caller(user.length() > 64 ? user.substring(0, 64) : user, null, null);
    return submit(person, entry, ApplicationKind.OPEN, null, request);
  }

  /** What the portal's form records as the legal basis, which the form does not ask for. */
  static final String PORTAL_LEGAL_BASIS = "门户公开申请 (portal application for open data)";

  private Application submit(
      Caller caller,
      Entry entry,
      ApplicationKind kind,
      Department applicantDepartment,
      ApplicationRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    checkItems(violations, entry, request.items(), "items");
    checkRegions(violations, request.regionCodes(), applicantDepartment, "regionCodes");
    if (request.validFrom().isBefore(today())) {
      violations.add(
          new FieldViolation("validFrom", "application.past", "validFrom must not be in the past"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    boolean duplicate =
        applications.pendingOrGranted(
            entry.id(),
            kind,
            applicantDepartment == null ? null : applicantDepartment.id(),
            caller.username());
    if (duplicate) {
      throw ApiException.conflict(
          "application.duplicate",
          "there is already a pending or approved application for entry " + entry.id());
    }
    long id =
        applications.insert(
            kind,
            entry.id(),
            entry.code().toString(),
            entry.departmentId(),
            applicantDepartment == null ? null : applicantDepartment.id(),
            caller.username(),
            request);
    Application application = applications.find(id).orElseThrow();
    record(caller, application, "SUBMITTED", null, ApplicationStatus.SUBMITTED, request.purpose());
    return application;
  }

  @Transactional(readOnly = true)
  public Application get(Caller caller, long id) {
    return visible(caller, applications.find(id));
  }

  @Transactional(readOnly = true)
  public List<ApplicationStep> history(Caller caller, long id) {
    visible(caller, applications.find(id));
    return applications.steps(id);
  }

  @Transactional(readOnly = true)
  public Page<Application> list(Caller caller, ApplicationStatus status, Page.Request page) {
    return applications.visible(caller, status, page);
  }

  @Transactional
  public Application approve(Caller caller, long id, Decision decision) {
    Application application = deciding(caller, id, ApplicationStatus.SUBMITTED);
    List<String> items = decision.items() == null ? application.requestedItems() : decision.items();
    List<String> granted =
        decision.regionCodes() == null ? application.requestedRegions() : decision.regionCodes();
    LocalDate from =
        decision.validFrom() == null ? application.requestedFrom() : decision.validFrom();
    LocalDate until =
        decision.validUntil() == null ? application.requestedUntil() : decision.validUntil();
    List<FieldViolation> violations = new ArrayList<>();
    for (String item : items) {
      if (!application.requestedItems().contains(item)) {
        violations.add(
            new FieldViolation(
                "items", "application.narrow-only", "'" + item + "' was not asked for"));
      }
    }
    if (items.isEmpty()) {
      violations.add(new FieldViolation("items", "required", "grant at least one item"));
    }
    Department applicant =
        application.applicantDepartmentId() == null
            ? null
            : department(application.applicantDepartmentId());
    checkRegions(violations, granted, applicant, "regionCodes");
    for (String region : granted) {
      if (!application.requestedRegions().isEmpty()
          && application.requestedRegions().stream()
              .noneMatch(asked -> region.startsWith(PolicyPublisher.regionPrefix(asked)))) {
        violations.add(
            new FieldViolation(
                "regionCodes",
                "application.narrow-only",
                "region " + region + " is not inside the regions asked for"));
      }
    }
    ApplicationRequest.checkPeriod(violations, from, until);
    if (from.isBefore(application.requestedFrom()) || until.isAfter(application.requestedUntil())) {
      violations.add(
          new FieldViolation(
              "validUntil",
              "application.narrow-only",
              "the granted period must lie within "
                  + application.requestedFrom()
                  + " to "
                  + application.requestedUntil()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    if (!granted.isEmpty()
        && publisher
            .binding(application.resourceCode())
            .map(binding -> binding.regionColumn() == null)
            .orElse(false)) {
      throw ApiException.conflict(
          "application.rows-unenforceable",
          "the table of "
              + application.resourceCode()
              + " has no region column, so a grant limited to regions cannot be enforced");
    }
    applications.decide(
        id,
        ApplicationStatus.APPROVED,
        items,
        granted,
        from,
        until,
        decision.reason(),
        caller.username());
    Application approved = applications.find(id).orElseThrow();
    record(
        caller,
        approved,
        "APPROVED",
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.APPROVED,
        decision.reason());
    republishAfterCommit();
    return approved;
  }

  @Transactional
  public Application refuse(Caller caller, long id, Decision decision) {
    return close(caller, id, decision, ApplicationStatus.SUBMITTED, ApplicationStatus.REFUSED);
  }

  @Transactional
  public Application revoke(Caller caller, long id, Decision decision) {
    Application revoked =
        close(caller, id, decision, ApplicationStatus.APPROVED, ApplicationStatus.REVOKED);
    republishAfterCommit();
    return revoked;
  }

  /** Marks the approvals whose last day is before {@code today} expired; returns how many. */
  @Transactional
  public int expire(LocalDate today) {
    List<Long> expired = applications.expiredBefore(today);
    for (long id : expired) {
      applications.setStatus(id, ApplicationStatus.EXPIRED, null);
      record(
          SYSTEM,
          applications.find(id).orElseThrow(),
          "EXPIRED",
          ApplicationStatus.APPROVED,
          ApplicationStatus.EXPIRED,
          "granted period over");
    }
    republishAfterCommit();
    return expired.size();
  }

  /**
   * Hourly, and once soon after start: expires what ran out and rewrites the policy file, so it is
   * current even if a write after a commit failed or the file was lost.
   */
  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT1H")
  void expireAndRepublish() {
    try {
      expire(today());
    } catch (RuntimeException e) {
      LOG.error("expiring applications and republishing the policies failed", e);
    }
  }

  /** Compiles and writes the policies of the committed approvals, then tells the listeners. */
  public void republish() {
    synchronized (publisher) {
      publisher.publish(applications.approved(), today());
    }
    events.publishEvent(new ApplicationGrantsChanged(publisher.policyFile()));
  }

  /**
   * The policies of {@code tables} with today's approvals compiled in and narrowed as approved: for
   * another writer of the gateway's policies that knows the tables from elsewhere (e.g. the data
   * API's table mappings), so that it does not drop the approvals.
   */
  @Transactional(readOnly = true)
  public List<CompiledPolicy> compileWithApprovals(List<PublishedTable> tables) {
    return publisher.compile(tables, applications.approved(), today());
  }

  private Application close(
      Caller caller, long id, Decision decision, ApplicationStatus from, ApplicationStatus to) {
    if (decision.reason() == null) {
      throw new InvalidFieldException(
          "reason", "required", "say why the application is " + to.name().toLowerCase(Locale.ROOT));
    }
    Application application = deciding(caller, id, from);
    applications.setStatus(id, to, decision.reason());
    if (to == ApplicationStatus.REFUSED) {
      applications.decide(id, to, null, null, null, null, decision.reason(), caller.username());
    }
    Application closed = applications.find(id).orElseThrow();
    record(caller, closed, to.name(), application.status(), to, decision.reason());
    return closed;
  }

  /** The application locked for a decision by its provider, in the state the decision needs. */
  private Application deciding(Caller caller, long id, ApplicationStatus required) {
    Application application = visible(caller, applications.findForUpdate(id));
    boolean provider =
        caller.is(Role.GOVERNANCE_ADMIN)
            || (caller.is(Role.CATALOGUER)
                && caller.departmentId() == application.providerDepartmentId());
    if (!provider) {
      throw ApiException.forbidden(
          "application.provider-only",
          "only the providing department's staff or an administrator decide application " + id);
    }
    if (application.status() != required) {
      throw ApiException.conflict(
          "application.state",
          "application " + id + " is " + application.status() + ", not " + required);
    }
    return application;
  }

  private static Application visible(Caller caller, Optional<Application> found) {
    Application application =
        found.orElseThrow(() -> ApiException.notFound("application", "requested"));
    boolean sees =
        caller.seesAllDepartments()
            || (caller.is(Role.CATALOGUER)
                && (caller.departmentId() == application.providerDepartmentId()
                    || caller.departmentId().equals(application.applicantDepartmentId())))
            || (application.kind() == ApplicationKind.OPEN
                && !caller.isAnonymous()
                && caller.username().equals(application.applicantUser()));
    if (!sees) {
      throw ApiException.notFound("application", application.id());
    }
    return application;
  }

  private void checkItems(
      List<FieldViolation> violations, Entry entry, List<String> items, String field) {
    Set<String> known =
        entry.resource().items().stream().map(InformationItem::name).collect(Collectors.toSet());
    for (String item : items) {
      if (!known.contains(item)) {
        violations.add(
            new FieldViolation(
                field,
                "application.unknown-item",
                "'" + item + "' is not an information item of entry " + entry.id()));
      }
    }
  }

  /**
   * Region codes are current GB/T 2260 codes; a city or county department asks only for rows of its
   * own region (a province department for any in its province).
   */
  private void checkRegions(
      List<FieldViolation> violations, List<String> codes, Department applicant, String field) {
    for (String code : codes) {
      CodeCheck check = regions.check(code, false);
      if (!check.isValid()) {
        violations.add(new FieldViolation(field, check.rule(), check.message()));
        continue;
      }
      if (applicant != null) {
        String own =
            applicant.level() == AdministrativeLevel.PROVINCE
                ? applicant.regionCode().substring(0, 2)
                : PolicyPublisher.regionPrefix(applicant.regionCode());
        if (!code.startsWith(own)) {
          violations.add(
              new FieldViolation(
                  field,
                  "application.region-outside-applicant",
                  "region "
                      + code
                      + " lies outside the applicant's region "
                      + applicant.regionCode()));
        }
      }
    }
  }

  private Department department(long id) {
    return departments
        .find(id)
        .orElseThrow(() -> new IllegalStateException("department " + id + " vanished"));
  }

  private void record(
      Caller caller,
      Application application,
      String action,
      ApplicationStatus from,
      ApplicationStatus to,
      String reason) {
    applications.addStep(application.id(), caller.username(), action, to, reason);
    audit.record(
        caller,
        new AuditLog.Change(
            "APPLICATION_" + action,
            application.entryId(),
            application.resourceCode(),
            application.providerDepartmentId(),
            from == null ? null : from.name(),
            to.name(),
            reason,
            application.kind()
                + " application "
                + application.id()
                + " by "
                + (application.applicantDepartmentId() == null
                    ? "user " + application.applicantUser()
                    : "department " + application.applicantDepartmentId())));
  }

  private void republishAfterCommit() {
    AfterCommit.run(this::republish);
  }

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
