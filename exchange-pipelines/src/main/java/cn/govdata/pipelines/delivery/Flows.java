package cn.govdata.pipelines.delivery;

import cn.govdata.governance.codes.Region;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.List;

/**
 * Cross-level flows as configurations of the same delivery: a city's table sent up to its province
 * whole (汇聚), and a province's base-database extract sent back down to a city holding only that
 * city's rows (数据回流).
 */
public final class Flows {

  private Flows() {}

  /** City → province: the city's rows, unfiltered; incremental when {@code baseSnapshot} is set. */
  public static DeliveryRequest aggregation(
      String deliveryId,
      ResourceCode resource,
      String cityTable,
      Long baseSnapshot,
      String provinceNode) {
    return new DeliveryRequest(
        deliveryId,
        resource,
        cityTable,
        null,
        baseSnapshot,
        List.of(),
        null,
        List.of("flow:city-to-province"),
        provinceNode);
  }

  /**
   * Province → city: only the rows whose {@code regionColumn} lies in the city (GB/T 2260 prefix of
   * the city's code), recorded in the manifest as the policy applied.
   */
  public static DeliveryRequest backflow(
      String deliveryId,
      ResourceCode resource,
      String provinceTable,
      String regionColumn,
      String cityCode,
      Long baseSnapshot,
      String cityNode) {
    if (cityCode == null
        || !cityCode.matches("\\d{6}")
        || Region.levelOf(cityCode) != AdministrativeLevel.CITY) {
      throw new InvalidFieldException(
          "cityCode", "region.city", "a backflow goes to a city: six digits ending in 00");
    }
    if (regionColumn == null || !regionColumn.matches("[a-z_][a-z0-9_]*")) {
      throw new InvalidFieldException(
          "regionColumn", "identifier", "regionColumn must be a lower-case column name");
    }
    String prefix = cityCode.substring(0, 4);
    return new DeliveryRequest(
        deliveryId,
        resource,
        provinceTable,
        null,
        baseSnapshot,
        List.of(),
        regionColumn + " LIKE '" + prefix + "%'",
        List.of("flow:province-to-city", "row-filter:" + regionColumn + " in " + cityCode),
        cityNode);
  }
}
