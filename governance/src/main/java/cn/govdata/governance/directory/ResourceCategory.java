package cn.govdata.governance.directory;

/** The three kinds of the directory's classification, the 类 level of a resource code. */
public enum ResourceCategory implements Labelled {
  /** 基础信息资源类: population, legal entity, geospatial, credit, e-licences. */
  BASIC("1", "基础信息资源类", "Basic resources"),
  /** 主题信息资源类: thematic resources built by several departments. */
  THEMATIC("2", "主题信息资源类", "Thematic resources"),
  /** 部门信息资源类: a department's own resources. */
  DEPARTMENTAL("3", "部门信息资源类", "Departmental resources");

  private final String digit;
  private final String chinese;
  private final String english;

  ResourceCategory(String digit, String chinese, String english) {
    this.digit = digit;
    this.chinese = chinese;
    this.english = english;
  }

  /** The one-digit 类 code that opens a resource code. */
  public String digit() {
    return digit;
  }

  @Override
  public String chinese() {
    return chinese;
  }

  @Override
  public String english() {
    return english;
  }

  public static ResourceCategory ofDigit(String digit) {
    for (ResourceCategory category : values()) {
      if (category.digit.equals(digit)) {
        return category;
      }
    }
    throw new cn.govdata.governance.validation.InvalidFieldException(
        "classification.category", "enum", "classification category digit must be 1, 2 or 3");
  }
}
