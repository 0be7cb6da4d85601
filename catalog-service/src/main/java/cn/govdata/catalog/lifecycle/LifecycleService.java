package cn.govdata.catalog.lifecycle;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.directory.EntryAccess;
import cn.govdata.catalog.directory.EntryChanges;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves entries through draft → submitted → approved or returned → published → retired. Who may
 * make a move: cataloguers of the entry's department submit and retire; reviewers approve, return
 * and publish; administrators do all. Moves the lifecycle forbids are 409 conflicts.
 */
@Service
public class LifecycleService {

  private final EntryChanges changes;
  private final DirectoryRules rules;
  private final Clock clock;

  LifecycleService(EntryChanges changes, DirectoryRules rules) {
    this.changes = changes;
    this.rules = rules;
    this.clock = Clock.systemDefaultZone();
  }

  @Transactional
  public Entry move(Caller caller, long id, Transition transition) {
    Entry entry = changes.lock(id);
    LifecycleStatus to = transition.to();
    switch (to) {
      case SUBMITTED, RETIRED -> EntryAccess.requireCataloguing(caller, entry);
      case APPROVED, RETURNED, PUBLISHED -> EntryAccess.requireReviewing(caller, entry);
      case DRAFT -> EntryAccess.readable(caller, entry);
    }
    if (!entry.status().canMoveTo(to)) {
      throw ApiException.conflict(
          "lifecycle.transition",
          "entry "
              + id
              + " is "
              + entry.status()
              + " and cannot move to "
              + to
              + "; allowed: "
              + allowedFrom(entry.status()));
    }
    if (to == LifecycleStatus.RETURNED && transition.reason() == null) {
      throw new InvalidFieldException(
          "reason", "lifecycle.reason-required", "returning an entry needs a reason (退回原因)");
    }
    InformationResource resource = entry.resource();
    Integer batch = entry.openBatch();
    if (to == LifecycleStatus.SUBMITTED) {
      // the region list may have changed since the draft was written
      List<FieldViolation> violations = rules.check(resource);
      if (!violations.isEmpty()) {
        throw new InvalidFieldException(violations);
      }
    }
    if (transition.openBatch() != null && to != LifecycleStatus.PUBLISHED) {
      throw new InvalidFieldException(
          "openBatch", "open-batch.on-publish", "an open batch is given when publishing");
    }
    if (to == LifecycleStatus.PUBLISHED) {
      batch = OpenListRules.batchOnPublish(entry, transition.openBatch());
      resource = resource.withPublishDate(LocalDate.now(clock));
    }
    return changes.apply(caller, entry, to, resource, batch, to.name(), transition.reason());
  }

  /** Assigns an open-list entry to an open batch before or after it is published. */
  @Transactional
  public Entry assignBatch(Caller caller, long id, int openBatch) {
    Entry entry = changes.lock(id);
    EntryAccess.requireReviewing(caller, entry);
    OpenListRules.requireOpen(entry, "openBatch");
    if (entry.status() == LifecycleStatus.RETIRED) {
      throw ApiException.conflict(
          "lifecycle.retired", "entry " + id + " is retired and leaves no batch to assign");
    }
    return changes.apply(
        caller, entry, entry.status(), entry.resource(), openBatch, "BATCH_ASSIGNED", null);
  }

  private static String allowedFrom(LifecycleStatus status) {
    String allowed =
        Arrays.stream(LifecycleStatus.values())
            .filter(status::canMoveTo)
            .map(Enum::name)
            .collect(Collectors.joining(", "));
    return allowed.isEmpty() ? "none" : allowed;
  }
}
