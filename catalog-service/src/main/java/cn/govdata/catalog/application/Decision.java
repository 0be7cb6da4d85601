package cn.govdata.catalog.application;

import cn.govdata.governance.validation.Checks;
import java.time.LocalDate;
import java.util.List;

/**
 * The provider's answer. An approval may narrow what was asked for: fewer items, fewer or smaller
 * regions, a shorter period; anything left out keeps the request's value. A refusal or revocation
 * needs a reason.
 *
 * @param items the items granted, a subset of those asked for
 * @param regionCodes the regions granted, each inside one asked for
 * @param validFrom the first day granted, not before the one asked for
 * @param validUntil the last day granted, not after the one asked for
 * @param reason why; required to refuse or revoke
 */
public record Decision(
    List<String> items,
    List<String> regionCodes,
    LocalDate validFrom,
    LocalDate validUntil,
    String reason) {

  public Decision {
    items = items == null ? null : ApplicationRequest.distinct(items);
    regionCodes = regionCodes == null ? null : ApplicationRequest.distinct(regionCodes);
    reason = Checks.optionalText(reason, "reason", 1000);
  }

  static Decision reasonOnly(String reason) {
    return new Decision(null, null, null, null, reason);
  }
}
