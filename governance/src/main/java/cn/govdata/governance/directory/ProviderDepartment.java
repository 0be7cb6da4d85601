package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;

/**
 * 信息资源提供方 and 提供方代码: the department that provides a resource.
 *
 * @param name the department's name, e.g. 佛山市公安局
 * @param creditCode its unified social credit code (GB 32100), the 提供方代码
 * @param regionCode the GB/T 2260 code of the region it serves
 * @param level its administrative level
 */
public record ProviderDepartment(
    String name, String creditCode, String regionCode, AdministrativeLevel level) {

  public ProviderDepartment {
    name = Checks.requiredText(name, "name", 100);
    creditCode =
        Checks.requiredText(creditCode, "creditCode", 18).toUpperCase(java.util.Locale.ROOT);
    regionCode = Checks.requiredText(regionCode, "regionCode", 6);
    if (!regionCode.matches("\\d{6}")) {
      throw new InvalidFieldException(
          "regionCode",
          "region.format",
          "regionCode must be 6 digits (GB/T 2260), got '" + regionCode + "'");
    }
    Checks.required(level, "level");
  }
}
