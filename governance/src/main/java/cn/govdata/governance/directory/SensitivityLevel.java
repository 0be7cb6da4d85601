package cn.govdata.governance.directory;

/** The province's grading of public data, from public to highly sensitive. */
public enum SensitivityLevel implements Labelled {
  /** 一级(公开): may be opened */
  L1("一级(公开)", "L1 public"),
  /** 二级(内部): opened only after de-identification */
  L2("二级(内部)", "L2 internal"),
  /** 三级(敏感): opened only after de-identification */
  L3("三级(敏感)", "L3 sensitive"),
  /** 四级(高度敏感): never opened */
  L4("四级(高度敏感)", "L4 highly sensitive");

  private final String chinese;
  private final String english;

  SensitivityLevel(String chinese, String english) {
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
