package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;

/**
 * 信息项: one field of a resource.
 *
 * @param name the item's name, e.g. 公民身份号码
 * @param dataType its data type
 * @param length its length in characters or digits, if bounded
 * @param description what it holds
 * @param sensitivity the kind of personal or sensitive data it carries, which decides its mask
 */
public record InformationItem(
    String name,
    DataType dataType,
    Integer length,
    String description,
    SensitivityTag sensitivity) {

  public InformationItem {
    name = Checks.requiredText(name, "name", 100);
    Checks.required(dataType, "dataType");
    if (length != null && (length < 1 || length > 1_000_000)) {
      throw new InvalidFieldException("length", "range", "length must be between 1 and 1000000");
    }
    description = Checks.optionalText(description, "description", 500);
    sensitivity = sensitivity == null ? SensitivityTag.NONE : sensitivity;
  }

  public boolean isPersonal() {
    return switch (sensitivity) {
      case IDENTITY_NUMBER,
          MOBILE,
          LANDLINE,
          PERSON_NAME,
          ADDRESS,
          BANK_ACCOUNT,
          HEALTH,
          PRECISE_LOCATION ->
          true;
      case NONE, CREDIT_CODE, FREE_TEXT -> false;
    };
  }
}
