package cn.govdata.catalog.lifecycle;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.governance.validation.InvalidFieldException;

/** An open-list entry is released in a numbered open batch; other entries have none. */
final class OpenListRules {

  private OpenListRules() {}

  /** The batch an entry is published in: the one asked for, else the one already assigned. */
  static Integer batchOnPublish(Entry entry, Integer requested) {
    if (!entry.resource().isOpen()) {
      if (requested != null) {
        requireOpen(entry, "openBatch");
      }
      return null;
    }
    Integer batch = requested != null ? requested : entry.openBatch();
    if (batch == null) {
      throw new InvalidFieldException(
          "openBatch",
          "open-batch.required",
          "entry "
              + entry.id()
              + " is on the open list (开放类型 "
              + entry.resource().open().type().chinese()
              + ") and is published in an open batch: give openBatch");
    }
    return batch;
  }

  static void requireOpen(Entry entry, String field) {
    if (!entry.resource().isOpen()) {
      throw new InvalidFieldException(
          field,
          "open-batch.not-open",
          "entry " + entry.id() + " is 不予开放 and belongs to no open batch");
    }
  }
}
