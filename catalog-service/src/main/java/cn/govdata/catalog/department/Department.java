package cn.govdata.catalog.department;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.ProviderDepartment;

/**
 * A department of the pilot zone that catalogues resources (信息资源提供方).
 *
 * @param id the service's identifier
 * @param name e.g. 佛山市公安局
 * @param creditCode unified social credit code
 * @param regionCode GB/T 2260 code of the region it serves
 * @param level province, city or county
 */
public record Department(
    long id, String name, String creditCode, String regionCode, AdministrativeLevel level) {

  /** The department as the provider of a directory entry. */
  public ProviderDepartment asProvider() {
    return new ProviderDepartment(name, creditCode, regionCode, level);
  }
}
