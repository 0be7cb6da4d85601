package cn.govdata.catalog.lifecycle;

import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.validation.Checks;

/**
 * A requested lifecycle move.
 *
 * @param to the status to move to
 * @param reason why; required to return an entry (退回原因)
 * @param openBatch the open batch to publish an open-list entry in, unless already assigned
 */
public record Transition(LifecycleStatus to, String reason, Integer openBatch) {

  public Transition {
    Checks.required(to, "to");
    reason = Checks.optionalText(reason, "reason", 1000);
  }
}
