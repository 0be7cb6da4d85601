package cn.govdata.governance.directory;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.codes.RegionDirectory;
import cn.govdata.governance.validation.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory rules that need reference data: the provider's credit code check character, its
 * region against the GB/T 2260 list, and its level against the region.
 */
public final class DirectoryRules {

  private final RegionDirectory regions;

  public DirectoryRules(RegionDirectory regions) {
    this.regions = regions;
  }

  public List<FieldViolation> check(InformationResource resource) {
    List<FieldViolation> violations = new ArrayList<>();
    violations.addAll(check(resource.provider()).stream().map(v -> v.under("provider")).toList());
    return violations;
  }

  public List<FieldViolation> check(ProviderDepartment provider) {
    List<FieldViolation> violations = new ArrayList<>();
    CreditCodes.check(provider.creditCode()).violation("creditCode").ifPresent(violations::add);
    regions.check(provider.regionCode(), false).violation("regionCode").ifPresent(violations::add);
    if (violations.isEmpty() && Region.levelOf(provider.regionCode()) != provider.level()) {
      violations.add(
          new FieldViolation(
              "level",
              "provider.level-matches-region",
              "level "
                  + provider.level()
                  + " does not match region "
                  + provider.regionCode()
                  + ", which is a "
                  + Region.levelOf(provider.regionCode())
                  + " division"));
    }
    return violations;
  }
}
