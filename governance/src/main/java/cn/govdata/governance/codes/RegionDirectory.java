package cn.govdata.governance.codes;

import java.util.List;
import java.util.Optional;

/** Looks up GB/T 2260 administrative divisions, current and historical. */
public interface RegionDirectory {

  /** The division with this code, current or historical. */
  Optional<Region> find(String code);

  /** The divisions directly below this one that are current. */
  List<Region> children(String code);

  /** Checks that {@code code} is a GB/T 2260 code; historical codes pass only if allowed. */
  default CodeCheck check(String code, boolean allowHistorical) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return CodeCheck.invalid(
          "region.format", "region code must be six digits (GB/T 2260), got '" + code + "'");
    }
    Optional<Region> region = find(code.strip());
    if (region.isEmpty()) {
      return CodeCheck.invalid(
          "region.unknown", "region code " + code.strip() + " is not in GB/T 2260");
    }
    if (!allowHistorical && !region.get().isCurrent()) {
      return CodeCheck.invalid(
          "region.historical",
          "region code "
              + code.strip()
              + " was retired on "
              + region.get().validUntil()
              + (region.get().successorCode() == null
                  ? ""
                  : "; use " + region.get().successorCode()));
    }
    return CodeCheck.valid(code.strip());
  }
}
