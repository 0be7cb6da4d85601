package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.directory.EntryAccess;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ShareType;

/**
 * Whose rows the data API reads at all, decided before the gateway is asked (which then applies its
 * own policies, masks and row filters to the same user). Only published entries have data:
 *
 * <ul>
 *   <li>无条件开放 (unconditionally open): every caller with a key;
 *   <li>无条件共享 (unconditionally shared): staff of any department;
 *   <li>有条件共享 / 有条件开放 / 不予共享: only the providing department, reviewers and administrators. Others
 *       need an approved application (申请); the catalog has no applications yet, so they are
 *       refused.
 * </ul>
 *
 * An entry the caller may not even see in the directory is 404, whichever id names it; one it sees
 * but may not read rows of is 403 with rule {@code data.application-required}.
 */
final class DatasetAccess {

  private DatasetAccess() {}

  static boolean mayReadRows(Caller caller, Entry entry) {
    if (!entry.status().isListed()) {
      return false;
    }
    if (caller.is(Role.GOVERNANCE_ADMIN)
        || caller.is(Role.REVIEWER)
        || ownDepartment(caller, entry)) {
      return true;
    }
    if (entry.resource().open().type() == OpenType.UNCONDITIONAL) {
      return true;
    }
    return caller.isStaff() && entry.resource().share().type() == ShareType.UNCONDITIONAL;
  }

  /** The entry if the caller may read its rows; else 404 or 403 as above. */
  static Entry requireRows(Caller caller, Entry entry) {
    if (mayReadRows(caller, entry)) {
      return entry;
    }
    if (!entry.status().isListed() || !EntryAccess.canRead(caller, entry)) {
      throw ApiException.notFound("dataset", entry.id());
    }
    throw ApiException.forbidden(
        "data.application-required",
        "dataset "
            + entry.code()
            + " is shared or opened only on conditions: its rows need an approved application");
  }

  private static boolean ownDepartment(Caller caller, Entry entry) {
    return caller.is(Role.CATALOGUER) && caller.departmentId() == entry.departmentId();
  }
}
