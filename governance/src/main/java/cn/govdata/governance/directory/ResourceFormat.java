package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;

/**
 * 信息资源格式: the family from the guide and the concrete format, e.g. 电子表格 / xlsx.
 *
 * @param family the format family
 * @param detail the concrete format, e.g. xlsx, csv, PostgreSQL, JSON, REST
 */
public record ResourceFormat(FormatFamily family, String detail) {

  public ResourceFormat {
    Checks.required(family, "family");
    detail = Checks.optionalText(detail, "detail", 50);
  }
}
