package cn.govdata.governance.directory;

/** The administrative level of a department or region (行政层级). */
public enum AdministrativeLevel implements Labelled {
  /** 省级 */
  PROVINCE("省级", "Province"),
  /** 市级 */
  CITY("市级", "City"),
  /** 县级: includes districts (区) and county-level cities */
  COUNTY("县级", "County");

  private final String chinese;
  private final String english;

  AdministrativeLevel(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  @Override
  public String chinese() {
    return chinese;
  }

  @Override
  public String english() {
    return english;
  }
}
