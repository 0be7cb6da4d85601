package cn.govdata.governance.directory;

/** 开放属性: whether and how a resource is opened to the public. */
public enum OpenType implements Labelled {
  /** 无条件开放: anyone may download it */
  UNCONDITIONAL("无条件开放", "Open"),
  /** 有条件开放: applications are reviewed by the provider, use is reported */
  CONDITIONAL("有条件开放", "Conditionally open"),
  /** 不予开放 */
  NOT_OPEN("不予开放", "Not open");

  private final String chinese;
  private final String english;

  OpenType(String chinese, String english) {
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
