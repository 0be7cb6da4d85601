package cn.govdata.catalog.directory;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import java.time.Instant;

/**
 * One stored state of an entry: what it looked like after a change.
 *
 * @param version from 1
 * @param changedBy the user who made the change
 */
public record EntryVersion(
    int version,
    LifecycleStatus status,
    Integer openBatch,
    String changedBy,
    Instant changedAt,
    InformationResource resource) {}
