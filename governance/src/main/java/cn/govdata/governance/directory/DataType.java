package cn.govdata.governance.directory;

/** 信息项数据类型 as the directory guide names them. */
public enum DataType implements Labelled {
  /** 字符型 */
  STRING("字符型", "String"),
  /** 数值型 */
  NUMBER("数值型", "Number"),
  /** 货币型 */
  CURRENCY("货币型", "Currency"),
  /** 日期型 */
  DATE("日期型", "Date"),
  /** 日期时间型 */
  DATETIME("日期时间型", "Date and time"),
  /** 逻辑型 */
  BOOLEAN("逻辑型", "Boolean"),
  /** 备注型 */
  TEXT("备注型", "Long text"),
  /** 二进制 */
  BINARY("二进制", "Binary");

  private final String chinese;
  private final String english;

  DataType(String chinese, String english) {
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
