package cn.govdata.catalog.subscription;

import cn.govdata.catalog.application.Application;
import cn.govdata.catalog.application.ApplicationGrantsChanged;
import cn.govdata.catalog.application.ApplicationKind;
import cn.govdata.catalog.application.ApplicationService;
import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.dataapi.DatasetTable;
import cn.govdata.catalog.dataapi.DatasetTableRepository;
import cn.govdata.catalog.federation.Peer;
import cn.govdata.catalog.federation.PeerService;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions of approved applications and their deliveries. The applicant side subscribes; the
 * subscription carries what the approval granted (the granted items as the columns of the entry's
 * {@code dataset_table}, the granted regions as a row filter). The providing department's exchange
 * agent asks which deliveries are due and reports each one's state; a delivered slot advances the
 * subscription. A revoked or expired application suspends its subscriptions. Both sides read
 * subscriptions and deliveries; anyone else gets 404.
 */
@Service
public class SubscriptionService {

  private static final Caller SYSTEM = new Caller("system", Role.GOVERNANCE_ADMIN, null);

  private final SubscriptionRepository subscriptions;
  private final ApplicationService applications;
  private final DatasetTableRepository tables;
  private final PeerService peers;
  private final DeliveryEvidence evidence;
  private final AuditLog audit;
  private final Clock clock;

  SubscriptionService(
      SubscriptionRepository subscriptions,
      ApplicationService applications,
      DatasetTableRepository tables,
      PeerService peers,
      DeliveryEvidence evidence,
      AuditLog audit) {
    this.subscriptions = subscriptions;
    this.applications = applications;
    this.tables = tables;
    this.peers = peers;
    this.evidence = evidence;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  @Transactional
  public Subscription subscribe(Caller caller, SubscriptionRequest request) {
    if (request == null || request.applicationId() == null) {
      throw new InvalidFieldException("applicationId", "required", "applicationId is required");
    }
    Application application = applications.get(caller, request.applicationId());
    boolean applicantSide =
        application.kind() == ApplicationKind.SHARE
            ? caller.is(Role.CATALOGUER)
                && caller.departmentId().equals(application.applicantDepartmentId())
            : !caller.isAnonymous() && caller.username().equals(application.applicantUser());
    if (!applicantSide) {
      throw ApiException.forbidden(
          "subscription.applicant-only",
          "only the applicant side subscribes to application " + application.id());
    }
    if (!application.grantsOn(today())) {
      throw ApiException.conflict(
          "subscription.not-granted",
          "application " + application.id() + " is " + application.status() + ", not granting");
    }
    List<FieldViolation> violations = new ArrayList<>();
    if (request.mode() == null) {
      violations.add(new FieldViolation("mode", "required", "mode is FULL or INCREMENTAL"));
    }
    Schedule schedule = null;
    try {
      schedule = Schedule.parse(request.schedule());
    } catch (InvalidFieldException e) {
      violations.addAll(e.violations());
    }
    Target target = target(violations, request.target());
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    DatasetTable table =
        tables
            .find(application.entryId())
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "subscription.no-table",
                        "entry "
                            + application.entryId()
                            + " has no gateway table (dataset_table), so nothing can be"
                            + " delivered"));
    List<String> columns = new ArrayList<>();
    for (String item : application.grantedItems()) {
      String column = table.columns().get(item);
      if (column == null) {
        throw ApiException.conflict(
            "subscription.unmapped-item",
            "the granted item '" + item + "' has no column in the entry's table");
      }
      columns.add(column);
    }
    if (!application.grantedRegions().isEmpty() && table.regionColumn() == null) {
      throw ApiException.conflict(
          "subscription.rows-unenforceable",
          "the grant is limited to regions but the entry's table has no region column");
    }
    long id =
        subscriptions.insert(
            new SubscriptionRepository.NewSubscription(
                application.id(),
                application.entryId(),
                application.resourceCode(),
                application.providerDepartmentId(),
                application.applicantDepartmentId(),
                application.applicantUser(),
                request.mode(),
                schedule.text(),
                target,
                table.database(),
                table.table(),
                columns,
                application.grantedRegions(),
                application.grantedRegions().isEmpty() ? null : table.regionColumn(),
                // the first delivery (the initial load) is due at once
                clock.instant().truncatedTo(ChronoUnit.MINUTES),
                caller.username()));
    Subscription created = subscriptions.find(id).orElseThrow();
    audit.recordEvent(
        caller,
        "SUBSCRIPTION_CREATED",
        created.providerDepartmentId(),
        "ACTIVE",
        "subscription "
            + id
            + " of application "
            + application.id()
            + " ("
            + created.resourceCode()
            + ") "
            + created.mode()
            + " "
            + created.schedule()
            + " to "
            + target.type()
            + (target.peerNodeId() == null ? "" : " " + target.peerNodeId()));
    return created;
  }

  @Transactional(readOnly = true)
  public List<Subscription> list(Caller caller) {
    return subscriptions.visible(caller);
  }

  @Transactional(readOnly = true)
  public Subscription get(Caller caller, long id) {
    return visible(caller, id);
  }

  @Transactional(readOnly = true)
  public List<Delivery> deliveries(Caller caller, long id) {
    visible(caller, id);
    return subscriptions.deliveries(id);
  }

  /** The newest deliveries the caller may see, for the console. */
  @Transactional(readOnly = true)
  public List<Delivery> recentDeliveries(Caller caller, int limit) {
    return subscriptions.visibleDeliveries(caller, limit);
  }

  /**
   * The deliveries due now for the caller's department (an exchange agent) or every department (an
   * administrator): active subscriptions whose slot has begun and is not yet delivered.
   */
  @Transactional
  public List<DueDelivery> due(Caller caller) {
    requireAgent(caller);
    suspendLapsed();
    Instant now = clock.instant();
    List<DueDelivery> due = new ArrayList<>();
    for (Subscription s :
        subscriptions.due(
            now, today(), caller.is(Role.EXCHANGE_AGENT) ? caller.departmentId() : null)) {
      Optional<Delivery> delivery = subscriptions.delivery(s.nextDeliveryId());
      if (delivery.isPresent() && delivery.get().state() == DeliveryState.DELIVERED) {
        continue;
      }
      Target target = s.target();
      if (target.type() == Target.Type.NODE) {
        Optional<Peer> peer = peers.findByNodeId(target.peerNodeId()).filter(Peer::enabled);
        if (peer.isEmpty()) {
          continue; // a disabled or removed peer receives nothing until enabled again
        }
        target = target.withExchangeUrl(peer.get().exchangeUrl());
      }
      due.add(
          new DueDelivery(
              s.id(),
              s.nextDeliveryId(),
              s.applicationId(),
              s.resourceCode(),
              s.database(),
              s.table(),
              s.mode(),
              s.lastSnapshotId(),
              s.columns(),
              s.regionCodes(),
              s.regionColumn(),
              target));
    }
    return due;
  }

  private static final Pattern JDBC_TABLE =
      Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");

  private static final Pattern DELIVERY_ID = Pattern.compile("(\\d{1,18})-(\\d{12})");

  /**
   * Records what the agent reports of a delivery. {@code DELIVERED} of the subscription's current
   * slot advances it: the snapshot becomes its last delivered one and the next slot begins. A
   * delivered delivery stays delivered. {@code DELIVERED} is recorded only with a signed manifest
   * and the receiver's signed receipt that verify ({@link DeliveryEvidence}); otherwise nothing is
   * stored.
   */
  @Transactional
  public Delivery report(Caller caller, String deliveryId, DeliveryReport report) {
    requireAgent(caller);
    List<FieldViolation> violations = new ArrayList<>();
    if (report == null || report.subscriptionId() == null) {
      violations.add(
          new FieldViolation("subscriptionId", "required", "subscriptionId is required"));
    }
    if (report != null && report.state() == null) {
      violations.add(
          new FieldViolation(
              "state", "required", "state is RUNNING, DELIVERED, FAILED or REJECTED"));
    }
    if (report != null) {
      nonNegative(violations, "attempts", report.attempts());
      nonNegative(violations, "rows", report.rows());
      nonNegative(violations, "bytes", report.bytes());
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    Subscription subscription = visible(caller, report.subscriptionId());
    if (caller.is(Role.EXCHANGE_AGENT)
        && caller.departmentId() != subscription.providerDepartmentId()) {
      throw ApiException.forbidden(
          "subscription.provider-agent-only",
          "only the providing department's exchange agent reports deliveries");
    }
    Matcher matcher = DELIVERY_ID.matcher(deliveryId);
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) != subscription.id()) {
      throw new InvalidFieldException(
          "deliveryId",
          "delivery.id-format",
          "delivery id "
              + deliveryId
              + " is not <subscriptionId>-<yyyyMMddHHmm> of subscription "
              + subscription.id());
    }
    Instant slot;
    try {
      slot =
          java.time.LocalDateTime.parse(
                  matcher.group(2), java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmm"))
              .toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidFieldException(
          "deliveryId", "delivery.id-format", "delivery id " + deliveryId + " has no valid slot");
    }
    if (report.state() == DeliveryState.DELIVERED) {
      evidence.verify(subscription, deliveryId, report);
    }
    Optional<Delivery> existing = subscriptions.delivery(deliveryId);
    if (existing.isPresent() && existing.get().state() == DeliveryState.DELIVERED) {
      if (report.state() != DeliveryState.DELIVERED) {
        throw ApiException.conflict(
            "delivery.already-delivered", "delivery " + deliveryId + " was delivered already");
      }
      return existing.get();
    }
    subscriptions.saveDelivery(deliveryId, subscription.id(), slot, report, caller.username());
    if (report.state() == DeliveryState.DELIVERED && slot.equals(subscription.nextSlot())) {
      subscriptions.advance(
          subscription.id(),
          report.snapshotId(),
          Schedule.parse(subscription.schedule()).nextSlot(slot, clock.instant()));
    }
    return subscriptions.delivery(deliveryId).orElseThrow();
  }

  /** Suspends the subscriptions of revoked and expired applications once that is committed. */
  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void onGrantsChanged(ApplicationGrantsChanged event) {
    suspendLapsed();
  }

  private void suspendLapsed() {
    for (Map.Entry<Subscription, String> lapsed : subscriptions.lapsed()) {
      Subscription s = lapsed.getKey();
      String reason = "application " + s.applicationId() + " is " + lapsed.getValue();
      subscriptions.suspend(s.id(), reason);
      audit.recordEvent(
          SYSTEM,
          "SUBSCRIPTION_SUSPENDED",
          s.providerDepartmentId(),
          "SUSPENDED",
          "subscription " + s.id() + ": " + reason);
    }
  }

  private Target target(List<FieldViolation> violations, Target target) {
    if (target == null || target.type() == null) {
      violations.add(
          new FieldViolation(
              "target.type", "required", "target.type is NODE, FILES, JDBC or PULL"));
      return null;
    }
    return switch (target.type()) {
      case NODE -> {
        if (target.peerNodeId() == null || target.peerNodeId().isBlank()) {
          violations.add(
              new FieldViolation(
                  "target.peerNodeId", "required", "a NODE target names the peer's node id"));
        } else if (peers.findByNodeId(target.peerNodeId()).filter(Peer::enabled).isEmpty()) {
          violations.add(
              new FieldViolation(
                  "target.peerNodeId",
                  "peer.unknown",
                  "no enabled peer " + target.peerNodeId() + " in the registry"));
        }
        yield new Target(Target.Type.NODE, target.peerNodeId(), null, null, null);
      }
      case FILES -> {
        if (target.format() == null) {
          violations.add(
              new FieldViolation("target.format", "required", "a FILES target is CSV or PARQUET"));
        }
        yield new Target(Target.Type.FILES, null, null, target.format(), null);
      }
      case JDBC -> {
        if (target.table() == null || !JDBC_TABLE.matcher(target.table()).matches()) {
          violations.add(
              new FieldViolation(
                  "target.table",
                  "identifier",
                  "a JDBC target names the consumer's table: name or schema.name in lower case"));
        }
        yield new Target(Target.Type.JDBC, null, null, null, target.table());
      }
      case PULL -> {
        yield new Target(Target.Type.PULL, null, null, null, null);
      }
    };
  }

  private Subscription visible(Caller caller, long id) {
    Subscription s =
        subscriptions.find(id).orElseThrow(() -> ApiException.notFound("subscription", id));
    boolean department = caller.is(Role.CATALOGUER) || caller.is(Role.EXCHANGE_AGENT);
    boolean sees =
        caller.seesAllDepartments()
            || (department
                && (caller.departmentId() == s.providerDepartmentId()
                    || caller.departmentId().equals(s.applicantDepartmentId())))
            || (s.applicantDepartmentId() == null
                && !caller.isAnonymous()
                && caller.username().equals(s.applicantUser()));
    if (!sees) {
      throw ApiException.notFound("subscription", id);
    }
    return s;
  }

  private static void requireAgent(Caller caller) {
    if (!(caller.is(Role.EXCHANGE_AGENT) || caller.is(Role.GOVERNANCE_ADMIN))) {
      throw ApiException.forbidden(
          "subscription.agent-only",
          "exchange agents (or governance administrators) ask for due deliveries and report them");
    }
  }

  private static void nonNegative(List<FieldViolation> violations, String field, Long value) {
    if (value != null && value < 0) {
      violations.add(new FieldViolation(field, "min", field + " must not be negative"));
    }
  }

  private static void nonNegative(List<FieldViolation> violations, String field, Integer value) {
    nonNegative(violations, field, value == null ? null : value.longValue());
  }

  private static LocalDate today() {
    return LocalDate.now(Schedule.ZONE);
  }
}
