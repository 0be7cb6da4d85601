package cn.govdata.pipelines.generate;

import java.time.LocalDate;

/**
 * One generated resident: the truth the departments' records are noisy copies of. All personal data
 * here is generated; identity numbers are well-formed but belong to nobody.
 */
record Person(
    String entityId,
    String name,
    String formerName,
    String sex,
    LocalDate birthDate,
    String idNumber,
    String ethnicity,
    String divisionCode,
    String addressDetail,
    String previousDivisionCode,
    String previousAddressDetail,
    String mobile,
    String previousMobile,
    String maritalStatus) {

  int ageOn(LocalDate day) {
    return birthDate.until(day).getYears();
  }
}
