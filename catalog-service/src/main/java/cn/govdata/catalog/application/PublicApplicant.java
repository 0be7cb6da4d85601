package cn.govdata.catalog.application;

import cn.govdata.governance.validation.Checks;

/**
 * The person behind an open application (开放申请): who they are, for whom they ask and how to reach
 * them.
 */
public record PublicApplicant(String name, String organisation, String contact) {

  public PublicApplicant {
    name = Checks.requiredText(name, "applicant.name", 100);
    organisation = Checks.optionalText(organisation, "applicant.organisation", 200);
    contact = Checks.requiredText(contact, "applicant.contact", 100);
  }
}
