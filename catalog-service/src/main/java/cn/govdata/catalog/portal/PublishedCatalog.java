package cn.govdata.catalog.portal;

import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.directory.EntryAccess;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.OpenType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The published catalog as the portal, the CKAN API and DCAT-AP show it: the open list (开放清单) for
 * everyone, plus the shared list (共享清单) for signed-in staff who may read the entry. Entries in any
 * other status do not exist for these interfaces.
 */
@Component
public class PublishedCatalog {

  private final DirectoryService directory;
  private final DepartmentRepository departments;

  PublishedCatalog(DirectoryService directory, DepartmentRepository departments) {
    this.directory = directory;
    this.departments = departments;
  }

  /** A download of an entry: one format of its rows. */
  public record Distribution(String id, String format, String mediaType, String extension) {}

  private static final List<Distribution> DOWNLOADS =
      List.of(
          new Distribution("csv", "CSV", "text/csv", "csv"),
          new Distribution(
              "xlsx",
              "XLSX",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "xlsx"),
          new Distribution("json", "JSON", "application/json", "json"));

  public Optional<Entry> find(Caller caller, long id) {
    Entry entry;
    try {
      entry = directory.get(caller, id);
    } catch (ApiException e) {
      // not there, or not the caller's to read: the same "not found" for both
      return Optional.empty();
    }
    return entry.status() == LifecycleStatus.PUBLISHED && visible(caller, entry)
        ? Optional.of(entry)
        : Optional.empty();
  }

  /** Every published entry the caller may see, newest first. */
  public List<Entry> visible(Caller caller) {
    return directory.published().stream()
        .filter(entry -> visible(caller, entry))
        .sorted(Comparator.comparing(Entry::updatedAt).reversed().thenComparing(Entry::id))
        .toList();
  }

  public static boolean visible(Caller caller, Entry entry) {
    if (entry.onOpenList()) {
      return true;
    }
    return caller.isStaff() && entry.onSharedList() && EntryAccess.canRead(caller, entry);
  }

  /** Downloads are offered for 无条件开放 entries only; 有条件开放 data is applied for. */
  public static List<Distribution> distributions(Entry entry) {
    return isDownloadable(entry) ? DOWNLOADS : List.of();
  }

  public static boolean isDownloadable(Entry entry) {
    return entry.onOpenList() && entry.resource().open().type() == OpenType.UNCONDITIONAL;
  }

  public static Optional<Distribution> distribution(Entry entry, String id) {
    return distributions(entry).stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Department department(Entry entry) {
    return departments.find(entry.departmentId()).orElseThrow();
  }

  public List<Department> departments() {
    return departments.list();
  }

  public Map<Long, Department> departmentsById() {
    return departments.list().stream()
        .collect(Collectors.toMap(Department::id, Function.identity()));
  }
}
