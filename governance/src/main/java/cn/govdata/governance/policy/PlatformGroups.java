package cn.govdata.governance.policy;

import cn.govdata.governance.directory.ProviderDepartment;
import java.util.Locale;

/**
 * The Ranger groups the compiled policies speak of. A user's groups come from the platform's user
 * store: a department's staff carry their department's group and {@link #GOVERNMENT}; the public
 * carry none. Ranger adds {@link #PUBLIC} to everyone.
 */
public final class PlatformGroups {

  /** Ranger's group of every user, signed in or not. */
  public static final String PUBLIC = "public";

  /** Staff of any government department (政务部门): the audience of 无条件共享. */
  public static final String GOVERNMENT = "government";

  /**
   * 个人信息审查员: staff whose duty needs personal information in the clear (e.g. case handling); granted
   * by governance staff, never by a department.
   */
  public static final String PRIVACY_OFFICER = "privacy_officer";

  private static final String DEPARTMENT_PREFIX = "dept_";

  private PlatformGroups() {}

  /** The group of a department's staff, named after its unified social credit code. */
  public static String department(ProviderDepartment department) {
    return department(department.creditCode());
  }

  public static String department(String creditCode) {
    return DEPARTMENT_PREFIX + creditCode.toLowerCase(Locale.ROOT);
  }
}
