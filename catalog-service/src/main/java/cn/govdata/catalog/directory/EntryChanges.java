package cn.govdata.catalog.directory;

import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.batch.BatchRepository;
import cn.govdata.catalog.batch.OpenBatch;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.validation.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way an existing entry changes: lock it, write its next version, record the audit event.
 * Callers run inside a transaction and have checked the caller's rights.
 */
@Component
public class EntryChanges {

  private final EntryRepository entries;
  private final BatchRepository batches;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  EntryChanges(
      EntryRepository entries,
      BatchRepository batches,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.entries = entries;
    this.batches = batches;
    this.audit = audit;
    this.events = events;
  }

  /** The entry, locked until the transaction ends; 404 if it does not exist. */
  public Entry lock(long id) {
    return entries.findForUpdate(id).orElseThrow(() -> ApiException.notFound("entry", id));
  }

  /**
   * Writes the entry's next version and its audit event.
   *
   * @param openBatch the open batch number after the change, {@code null} for none
   */
  public Entry apply(
      Caller caller,
      Entry current,
      LifecycleStatus status,
      InformationResource resource,
      Integer openBatch,
      String action,
      String reason) {
    Long batchId = openBatch == null ? null : batch(openBatch).id();
    entries.update(current, status, resource, batchId, caller.username());
    audit.record(
        caller,
        new AuditLog.Change(
            action,
            current.id(),
            current.code().toString(),
            current.departmentId(),
            current.status().name(),
            status.name(),
            reason,
            openBatch == null ? null : "openBatch=" + openBatch));
    events.publishEvent(new EntryChangedEvent(current.id()));
    return entries.find(current.id()).orElseThrow();
  }

  /** The open batch with this number, or a 400 naming {@code openBatch}. */
  public OpenBatch batch(int number) {
    return batches
        .findByNumber(number)
        .orElseThrow(
            () ->
                new InvalidFieldException(
                    "openBatch", "open-batch.unknown", "there is no open batch " + number));
  }
}
