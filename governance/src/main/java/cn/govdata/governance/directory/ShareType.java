package cn.govdata.governance.directory;

/** 共享类型: how a resource may be shared between government departments. */
public enum ShareType implements Labelled {
  /** 无条件共享: every department may use it */
  UNCONDITIONAL("无条件共享", "Unconditional sharing"),
  /** 有条件共享: the conditions must be stated; use needs an approved application */
  CONDITIONAL("有条件共享", "Conditional sharing"),
  /** 不予共享: the law, regulation or policy that forbids sharing must be cited */
  NOT_SHARED("不予共享", "Not shared");

  private final String chinese;
  private final String english;

  ShareType(String chinese, String english) {
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
