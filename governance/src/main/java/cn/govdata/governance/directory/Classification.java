package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;

/**
 * 信息资源分类: where a resource sits in the directory, at the levels 类 / 项 / 目 / 细目. The codes form the
 * front part of the resource code: 类 one digit, 项 two digits, 目 three digits, 细目 any number of
 * digits (empty when the 目 is not subdivided).
 *
 * @param category 类
 * @param itemCode 项 code, two digits (e.g. 01 人口 under 基础)
 * @param itemName 项 name
 * @param catalogueCode 目 code, three digits
 * @param catalogueName 目 name
 * @param subItemCode 细目 code, digits, may be empty
 * @param subItemName 细目 name, may be null
 */
public record Classification(
    ResourceCategory category,
    String itemCode,
    String itemName,
    String catalogueCode,
    String catalogueName,
    String subItemCode,
    String subItemName) {

  public Classification {
    Checks.required(category, "category");
    itemCode = digits(itemCode, "itemCode", 2, 2);
    itemName = Checks.requiredText(itemName, "itemName", 100);
    catalogueCode = digits(catalogueCode, "catalogueCode", 3, 3);
    catalogueName = Checks.requiredText(catalogueName, "catalogueName", 100);
    subItemCode =
        subItemCode == null || subItemCode.isBlank()
            ? ""
            : digits(subItemCode, "subItemCode", 1, 12);
    subItemName = Checks.optionalText(subItemName, "subItemName", 100);
    if (!subItemCode.isEmpty() && subItemName == null) {
      throw new InvalidFieldException(
          "subItemName", "required", "subItemName is required when subItemCode is given");
    }
  }

  /** The front part of a resource code: 类 + 项 + 目 + 细目. */
  public String frontCode() {
    return category.digit() + itemCode + catalogueCode + subItemCode;
  }

  /** The most specific name, e.g. for a facet: 细目 if present, else 目. */
  public String leafName() {
    return subItemName != null ? subItemName : catalogueName;
  }

  private static String digits(String value, String field, int min, int max) {
    String text = Checks.requiredText(value, field, max);
    if (!text.matches("\\d{" + min + "," + max + "}")) {
      throw new InvalidFieldException(
          field,
          "digits",
          field
              + " must be "
              + (min == max ? min : min + " to " + max)
              + " digits, got '"
              + text
              + "'");
    }
    return text;
  }
}
