package cn.govdata.governance.directory;

/** The kind of personal or sensitive information an information item carries; drives masking. */
public enum SensitivityTag implements Labelled {
  /** 非敏感 */
  NONE("非敏感", "Not sensitive"),
  /** 身份证号码 */
  IDENTITY_NUMBER("身份证号码", "Identity number"),
  /** 手机号码 */
  MOBILE("手机号码", "Mobile number"),
  /** 固定电话 */
  LANDLINE("固定电话", "Landline"),
  /** 姓名 */
  PERSON_NAME("姓名", "Person name"),
  /** 地址 */
  ADDRESS("地址", "Address"),
  /** 统一社会信用代码 */
  CREDIT_CODE("统一社会信用代码", "Credit code"),
  /** 银行账号 */
  BANK_ACCOUNT("银行账号", "Bank account"),
  /** 健康信息 */
  HEALTH("健康信息", "Health information"),
  /** 精确位置 */
  PRECISE_LOCATION("精确位置", "Precise location"),
  /** 自由文本: may contain anything */
  FREE_TEXT("自由文本", "Free text");

  private final String chinese;
  private final String english;

  SensitivityTag(String chinese, String english) {
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
