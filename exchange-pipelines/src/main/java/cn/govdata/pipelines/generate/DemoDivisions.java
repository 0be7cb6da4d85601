package cn.govdata.pipelines.generate;

import cn.govdata.pipelines.cleanse.Divisions;
import cn.govdata.pipelines.cleanse.Divisions.Division;
import java.util.List;

/**
 * The counties generated people and entities live in: the demo zone's districts of 广州, 深圳, 佛山 and
 * 江门, and a few places elsewhere where people were born. A fixed list, in a fixed order, so that a
 * seed keeps generating the same extracts whatever the national division list holds.
 */
final class DemoDivisions {

  private static final List<String> COUNTY_CODES =
      List.of(
          "440103", "440104", "440105", "440106", "440111", "440113", "440303", "440304", "440305",
          "440306", "440307", "440604", "440605", "440606", "440607", "440608", "440703", "430102",
          "431002", "360102", "450102", "510104", "420102");

  private static final List<Division> COUNTIES =
      COUNTY_CODES.stream().map(code -> Divisions.find(code).orElseThrow()).toList();

  private DemoDivisions() {}

  static List<Division> counties() {
    return COUNTIES;
  }
}
