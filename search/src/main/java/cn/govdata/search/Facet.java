package cn.govdata.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The facets of a catalog search, each over one keyword field of the index. */
public enum Facet {
  /** 提供部门, by department name */
  DEPARTMENT("department"),
  /** 行政区划, by GB/T 2260 code */
  REGION("region"),
  /** 行政层级: PROVINCE, CITY, COUNTY */
  LEVEL("level"),
  /** 信息资源分类, by the 项 name (人口, 法人, ...) */
  CLASSIFICATION("classification"),
  /** 信息资源格式 family: SPREADSHEET, DATABASE, API, ... */
  FORMAT("format"),
  /** 开放类型: UNCONDITIONAL, CONDITIONAL, NOT_OPEN */
  OPEN_TYPE("openType"),
  /** 更新周期: DAILY, MONTHLY, ... */
  UPDATE_CYCLE("updateCycle"),
  /** 数据分级: L1 to L4 */
  GRADE("grade");

  private final String field;

  Facet(String field) {
    this.field = field;
  }

  /** The index field the facet counts and filters on. */
  public String field() {
    return field;
  }

  /**
   * Reads a facet by its constant name or field name, any case.
   *
   * @throws IllegalArgumentException naming the parameter and the accepted values
   */
  public static Facet parse(String text, String parameter) {
    if (text != null) {
      String wanted = text.strip();
      for (Facet facet : values()) {
        if (facet.name().equalsIgnoreCase(wanted) || facet.field.equalsIgnoreCase(wanted)) {
          return facet;
        }
      }
    }
    throw new IllegalArgumentException(
        parameter
            + " has unknown facet '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(f -> f.field).collect(Collectors.joining(", "))
            + " (or their upper-case names)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
