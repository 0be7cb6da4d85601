package cn.govdata.governance.codes;

import cn.govdata.governance.directory.AdministrativeLevel;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One GB/T 2260 administrative division.
 *
 * @param code six digits: province (2), city (2), county (2)
 * @param name the division's name, e.g. 南海区
 * @param parentCode the code of the division above it, {@code null} for a province
 * @param validUntil the day the code stopped being used (merged, renamed or abolished), {@code
 *     null} while current
 * @param successorCode the code that replaced it, if any
 */
public record Region(
    String code, String name, String parentCode, LocalDate validUntil, String successorCode) {

  public Region {
    Objects.requireNonNull(code, "code");
    if (!code.matches("\\d{6}")) {
      throw new IllegalArgumentException("region code must be six digits: " + code);
    }
    Objects.requireNonNull(name, "name");
  }

  public boolean isCurrent() {
    return validUntil == null;
  }

  /** The level implied by the code's shape: XX0000 province, XXXX00 city, otherwise county. */
  public AdministrativeLevel level() {
    return levelOf(code);
  }

  public static AdministrativeLevel levelOf(String code) {
    if (code.endsWith("0000")) {
      return AdministrativeLevel.PROVINCE;
    }
    return code.endsWith("00") ? AdministrativeLevel.CITY : AdministrativeLevel.COUNTY;
  }
}
