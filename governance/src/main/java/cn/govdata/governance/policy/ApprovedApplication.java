package cn.govdata.governance.policy;

import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.LocalDate;

/**
 * An approved application for a conditional resource: a department's 共享申请 for 有条件共享 data, or a
 * person's 开放申请 for 有条件开放 data. It grants access from {@code validFrom} to the end of {@code
 * validUntil}; Ranger enforces the dates itself (a policy validity schedule).
 *
 * @param resource the resource applied for
 * @param department the applying department, for a share application; {@code null} otherwise
 * @param user the applying person's user name, for an open application; {@code null} otherwise
 * @param validFrom first day of use
 * @param validUntil last day of use
 */
public record ApprovedApplication(
    ResourceCode resource,
    ProviderDepartment department,
    String user,
    LocalDate validFrom,
    LocalDate validUntil) {

  public ApprovedApplication {
    Checks.required(resource, "resource");
    user = Checks.optionalText(user, "user", 100);
    if ((department == null) == (user == null)) {
      throw new InvalidFieldException(
          "applicant",
          "application.one-applicant",
          "an application has either a department or a user as applicant, not both or neither");
    }
    Checks.required(validFrom, "validFrom");
    Checks.required(validUntil, "validUntil");
    if (validUntil.isBefore(validFrom)) {
      throw new InvalidFieldException(
          "validUntil", "application.dates", "validUntil must not be before validFrom");
    }
  }

  /** Whether a department applied (共享申请) rather than a person (开放申请). */
  public boolean isShareApplication() {
    return department != null;
  }
}
