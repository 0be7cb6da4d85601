package cn.govdata.catalog.directory;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Page;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing and reading directory entries. The provider named in an entry decides its
 * department: a cataloguer may only name its own, and the stored provider is the registered
 * department's record (name, region, level), so entries never disagree with the department list.
 */
@Service
public class DirectoryService {

  private final EntryRepository entries;
  private final EntryChanges changes;
  private final DepartmentRepository departments;
  private final DirectoryRules rules;
  private final AuditLog audit;
  private final int maxPageSize;

  DirectoryService(
      EntryRepository entries,
      EntryChanges changes,
      DepartmentRepository departments,
      DirectoryRules rules,
      AuditLog audit,
      GovdataProperties properties) {
    this.entries = entries;
    this.changes = changes;
    this.departments = departments;
    this.rules = rules;
    this.audit = audit;
    this.maxPageSize = properties.api().maxPageSize();
  }

  /** Creates a draft and assigns its resource code. */
  @Transactional
  public Entry create(Caller caller, InformationResource resource) {
    if (resource.code() != null) {
      throw new InvalidFieldException(
          "code", "code.assigned-by-service", "the resource code is assigned by the directory");
    }
    Department department = departmentFor(caller, resource);
    return store(caller, department, resource, "CREATED");
  }

  /**
   * Stores checked resources of one department as drafts, all or none; the caller's right to import
   * for the department has been checked.
   */
  @Transactional
  public List<Entry> importDrafts(
      Caller caller, Department department, List<InformationResource> resources) {
    return resources.stream().map(r -> store(caller, department, r, "IMPORTED")).toList();
  }

  /**
   * Stores a checked resource as a new draft of {@code department}; the caller's right to do so has
   * been checked. Used by create and by the bulk import.
   */
  Entry store(Caller caller, Department department, InformationResource resource, String action) {
    InformationResource canonical = Resources.withProvider(resource, department.asProvider());
    String front = canonical.classification().frontCode();
    ResourceCode code = new ResourceCode(front, entries.nextSequence(front));
    InformationResource coded = Resources.withCodeAndPublishDate(canonical, code, null);
    long id =
        entries.insert(coded, department.id(), LifecycleStatus.DRAFT, null, caller.username());
    audit.record(
        caller,
        new AuditLog.Change(
            action,
            id,
            code.toString(),
            department.id(),
            null,
            LifecycleStatus.DRAFT.name(),
            null,
            null));
    return entries.find(id).orElseThrow();
  }

  /** Replaces the content of a draft or returned entry. */
  @Transactional
  public Entry update(Caller caller, long id, InformationResource resource) {
    Entry current = changes.lock(id);
    EntryAccess.requireCataloguing(caller, current);
    if (!current.status().isEditable()) {
      throw ApiException.conflict(
          "lifecycle.not-editable",
          "entry "
              + id
              + " is "
              + current.status()
              + "; only DRAFT and RETURNED entries can be edited");
    }
    if (resource.code() != null && !resource.code().equals(current.code())) {
      throw new InvalidFieldException(
          "code", "code.immutable", "the resource code " + current.code() + " cannot change");
    }
    if (!resource.classification().frontCode().equals(current.code().front())) {
      throw new InvalidFieldException(
          "classification",
          "classification.fixed",
          "the classification fixes the resource code "
              + current.code()
              + "; create a new entry for another classification");
    }
    Department department = departmentFor(caller, resource);
    if (department.id() != current.departmentId()) {
      throw ApiException.forbidden(
          "department.isolation", "an entry cannot move to another department");
    }
    InformationResource updated =
        Resources.withCodeAndPublishDate(
            Resources.withProvider(resource, department.asProvider()), current.code(), null);
    return changes.apply(
        caller, current, current.status(), updated, current.openBatch(), "UPDATED", null);
  }

  @Transactional(readOnly = true)
  public Entry get(Caller caller, long id) {
    Entry entry = entries.find(id).orElseThrow(() -> ApiException.notFound("entry", id));
    return EntryAccess.readable(caller, entry);
  }

  @Transactional(readOnly = true)
  public List<EntryVersion> versions(Caller caller, long id) {
    Entry entry = entries.find(id).orElseThrow(() -> ApiException.notFound("entry", id));
    EntryAccess.requireKeeper(caller, entry);
    return entries.versions(id);
  }

  @Transactional(readOnly = true)
  public Page<Entry> search(Caller caller, EntryFilter filter, int page, int size) {
    return entries.search(filter, caller, Page.Request.of(page, size, maxPageSize));
  }

  /** Published entries, for the lists. */
  @Transactional(readOnly = true)
  public List<Entry> published() {
    return entries.published();
  }

  /**
   * The registered department a resource names, checked: the provider's codes pass the directory
   * rules, the department exists, and a cataloguer names its own.
   */
  Department departmentFor(Caller caller, InformationResource resource) {
    if (!(caller.is(Role.CATALOGUER) || caller.is(Role.GOVERNANCE_ADMIN))) {
      throw ApiException.forbidden(
          "role.cataloguer", "only cataloguers and administrators create and edit entries");
    }
    List<FieldViolation> violations = rules.check(resource);
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    Department department =
        departments
            .findByCreditCode(resource.provider().creditCode())
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        "provider.creditCode",
                        "department.unknown",
                        "no registered department has the credit code "
                            + resource.provider().creditCode()));
    if (caller.is(Role.CATALOGUER) && !Objects.equals(caller.departmentId(), department.id())) {
      throw ApiException.forbidden(
          "department.isolation",
          "a cataloguer creates and edits only its own department's entries");
    }
    return department;
  }
}
