package cn.govdata.governance.directory;

/** GB/T 43697-2024 data categories (数据分类分级规则). */
public enum DataCategory implements Labelled {
  /** 核心数据: never opened or shared outside the state's rules */
  CORE("核心数据", "Core data"),
  /** 重要数据 */
  IMPORTANT("重要数据", "Important data"),
  /** 一般数据 */
  GENERAL("一般数据", "General data");

  private final String chinese;
  private final String english;

  DataCategory(String chinese, String english) {
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
