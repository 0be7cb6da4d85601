package cn.govdata.catalog.directory;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import java.util.Map;

/**
 * Who may see and change which entries. Reviewers and administrators see every entry; a cataloguer
 * sees the entries of its own department in any status and the published entries of the shared and
 * open lists; signed-in staff see the shared list; the public and developers see only published
 * open-list entries.
 *
 * <p>An entry the caller may not see is reported as not found (404), whatever the caller tries with
 * it, so its existence does not leak; an entry it sees but may not change is 403.
 */
public final class EntryAccess {

  private EntryAccess() {}

  public static boolean canRead(Caller caller, Entry entry) {
    if (caller.seesAllDepartments() || ownDepartment(caller, entry)) {
      return true;
    }
    if (caller.isStaff() && entry.onSharedList()) {
      return true;
    }
    return entry.onOpenList();
  }

  /** The SQL condition (on alias {@code e}) equal to {@link #canRead}. */
  static String visibleSql(Caller caller, Map<String, Object> params) {
    if (caller.seesAllDepartments()) {
      return "";
    }
    String open = "(e.status = 'PUBLISHED' AND e.open_type <> 'NOT_OPEN')";
    if (!caller.isStaff()) {
      return " AND " + open;
    }
    String shared = "(e.status = 'PUBLISHED' AND e.share_type <> 'NOT_SHARED')";
    if (caller.is(Role.CATALOGUER)) {
      params.put("callerDepartment", caller.departmentId());
      return " AND (e.department_id = :callerDepartment OR " + shared + " OR " + open + ")";
    }
    return " AND (" + shared + " OR " + open + ")";
  }

  /** The entry, if the caller may see it; else 404. */
  public static Entry readable(Caller caller, Entry entry) {
    if (!canRead(caller, entry)) {
      throw ApiException.notFound("entry", entry.id());
    }
    return entry;
  }

  /**
   * Checks that the caller may edit or submit the entry: a cataloguer of its department or an
   * administrator.
   */
  public static void requireCataloguing(Caller caller, Entry entry) {
    readable(caller, entry);
    if (!(caller.is(Role.GOVERNANCE_ADMIN) || ownDepartment(caller, entry))) {
      throw ApiException.forbidden(
          "department.isolation",
          "only a cataloguer of the entry's department or an administrator may change entry "
              + entry.id());
    }
  }

  /** Checks that the caller reviews entries: a reviewer or an administrator. */
  public static void requireReviewing(Caller caller, Entry entry) {
    readable(caller, entry);
    if (!caller.seesAllDepartments()) {
      throw ApiException.forbidden(
          "role.reviewer",
          "only a reviewer or an administrator may do this to entry " + entry.id());
    }
  }

  /** Staff who keep the entry: its department's cataloguers, reviewers, administrators. */
  public static void requireKeeper(Caller caller, Entry entry) {
    readable(caller, entry);
    if (!(caller.seesAllDepartments() || ownDepartment(caller, entry))) {
      throw ApiException.forbidden(
          "department.isolation",
          "only the entry's department, reviewers and administrators see its history");
    }
  }

  private static boolean ownDepartment(Caller caller, Entry entry) {
    return caller.is(Role.CATALOGUER) && caller.departmentId() == entry.departmentId();
  }
}
