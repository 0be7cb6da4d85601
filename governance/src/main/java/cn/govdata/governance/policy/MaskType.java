package cn.govdata.governance.policy;

import cn.govdata.governance.directory.SensitivityTag;

/**
 * The data-mask types of the platform's Ranger service definition: Ranger's own types, kept under
 * their Ranger names so that policies written for Ranger's Hive service read the same, and the
 * named Chinese display masks (脱敏规则) of docs/privacy.md.
 */
public enum MaskType {
  /** Ranger's redact: letters to x/X, digits to 0, other characters to '*'. */
  MASK("Redact"),
  /** Ranger's partial mask: everything but the last four characters becomes x. */
  MASK_SHOW_LAST_4("Partial mask: show last 4"),
  /** Ranger's hash: SHA-256 of the value, hex. */
  MASK_HASH("Hash"),
  /** Ranger's nullify. */
  MASK_NULL("Nullify"),
  /** Ranger's "unmasked": the value in the clear. */
  MASK_NONE("Unmasked (retain original value)"),
  /** 身份证号码脱敏: keeps the region (first 6) and the last 4 characters. */
  MASK_ID_NUMBER("Identity number: keep first 6 and last 4"),
  /** 手机号码脱敏: keeps the first 3 and last 4 digits. */
  MASK_MOBILE("Mobile: keep first 3 and last 4"),
  /** 姓名脱敏: keeps the surname. */
  MASK_PERSON_NAME("Name: keep surname"),
  /** 地址脱敏: keeps province, city and district. */
  MASK_ADDRESS("Address: keep province, city, district");

  private final String label;

  MaskType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the mask shows the value unchanged. */
  public boolean isClear() {
    return this == MASK_NONE;
  }

  /**
   * The mask a sensitivity tag gets for everyone who is not entitled to the clear value; {@link
   * #MASK_NONE} for tags that carry no personal information.
   */
  public static MaskType forTag(SensitivityTag tag) {
    return switch (tag) {
      case IDENTITY_NUMBER -> MASK_ID_NUMBER;
      case MOBILE -> MASK_MOBILE;
      case LANDLINE, BANK_ACCOUNT -> MASK_SHOW_LAST_4;
      case PERSON_NAME -> MASK_PERSON_NAME;
      case ADDRESS -> MASK_ADDRESS;
      case HEALTH, PRECISE_LOCATION, FREE_TEXT -> MASK_NULL;
      case NONE, CREDIT_CODE -> MASK_NONE;
    };
  }
}
