package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;

/**
 * The data grade: the GB/T 43697 category and the province's sensitivity level.
 *
 * @param category core, important or general data
 * @param level L1 (public) to L4 (highly sensitive)
 */
public record DataGrade(DataCategory category, SensitivityLevel level) {

  public DataGrade {
    Checks.required(category, "category");
    Checks.required(level, "level");
  }

  /** Whether the grade allows opening to the public at all. */
  public boolean mayBeOpened() {
    return category != DataCategory.CORE && level != SensitivityLevel.L4;
  }

  /** Whether the grade allows opening without conditions. */
  public boolean mayBeOpenedUnconditionally() {
    return category == DataCategory.GENERAL && level == SensitivityLevel.L1;
  }
}
