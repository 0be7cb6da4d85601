package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;

/**
 * 开放属性: whether a resource is opened to the public, and on what conditions.
 *
 * @param type 开放类型
 * @param conditions 开放条件, required for {@link OpenType#CONDITIONAL}
 */
public record OpenAttribute(OpenType type, String conditions) {

  public OpenAttribute {
    Checks.required(type, "type");
    conditions = Checks.optionalText(conditions, "conditions", 1000);
    if (type == OpenType.CONDITIONAL && conditions == null) {
      throw new InvalidFieldException(
          "conditions", "open.conditions-required", "有条件开放 requires the conditions to be stated");
    }
  }

  public static OpenAttribute notOpen() {
    return new OpenAttribute(OpenType.NOT_OPEN, null);
  }
}
