package cn.govdata.catalog.directory;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import java.time.Instant;

/** An entry as the API returns it. */
public record EntryView(
    long id,
    String code,
    LifecycleStatus status,
    int version,
    long departmentId,
    Integer openBatch,
    Instant createdAt,
    Instant updatedAt,
    InformationResource resource) {

  public static EntryView of(Entry entry) {
    return new EntryView(
        entry.id(),
        entry.code().toString(),
        entry.status(),
        entry.version(),
        entry.departmentId(),
        entry.openBatch(),
        entry.createdAt(),
        entry.updatedAt(),
        entry.resource());
  }
}
