package cn.govdata.governance.policy;

import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.validation.Checks;
import java.util.List;

/**
 * What the policy compiler reads: the published tables, every department of the zone (for the
 * region row filters) and the approved applications.
 *
 * @param tables published directory entries bound to their tables
 * @param departments every department whose staff may use the platform
 * @param applications approved share and open applications
 */
public record PolicyInput(
    List<PublishedTable> tables,
    List<ProviderDepartment> departments,
    List<ApprovedApplication> applications) {

  public PolicyInput {
    tables = Checks.copyOf(tables, "tables");
    departments = Checks.copyOf(departments, "departments");
    applications = Checks.copyOf(applications, "applications");
  }
}
