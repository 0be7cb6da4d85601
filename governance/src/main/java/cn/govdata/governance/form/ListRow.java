package cn.govdata.governance.form;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.validation.Checks;
import java.time.LocalDate;

/**
 * One line of a written list.
 *
 * @param resource the directory entry
 * @param batch the open batch (开放批次) it belongs to, if any
 * @param plannedDate the batch's planned open date, if any
 * @param actualDate the day it was actually opened, if it has been
 */
public record ListRow(
    InformationResource resource, String batch, LocalDate plannedDate, LocalDate actualDate) {

  public ListRow {
    Checks.required(resource, "resource");
    batch = Checks.optionalText(batch, "batch", FormRow.MAX_BATCH_LENGTH);
  }

  public static ListRow of(InformationResource resource) {
    return new ListRow(resource, null, null, null);
  }
}
