package cn.govdata.governance.directory;

/** 更新周期: how often the provider updates a resource. */
public enum UpdateCycle implements Labelled {
  /** 实时 */
  REAL_TIME("实时", "Real time"),
  /** 每日 */
  DAILY("每日", "Daily"),
  /** 每周 */
  WEEKLY("每周", "Weekly"),
  /** 每月 */
  MONTHLY("每月", "Monthly"),
  /** 每季度 */
  QUARTERLY("每季度", "Quarterly"),
  /** 每半年 */
  HALF_YEARLY("每半年", "Half-yearly"),
  /** 每年 */
  YEARLY("每年", "Yearly"),
  /** 不定期 */
  IRREGULAR("不定期", "Irregular");

  private final String chinese;
  private final String english;

  UpdateCycle(String chinese, String english) {
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
