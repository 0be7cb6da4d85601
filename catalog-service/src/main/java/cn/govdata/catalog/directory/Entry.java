package cn.govdata.catalog.directory;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.ResourceCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A directory entry as stored: the resource's content, its lifecycle status and its bookkeeping.
 *
 * @param id the service's identifier, used in URLs
 * @param departmentId the providing department, fixed at creation
 * @param status where the entry is in its lifecycle
 * @param version how many changes the entry has seen, from 1
 * @param openBatch the open batch (开放批次) number it is assigned to, if any
 * @param resource the directory content, with its code
 */
public record Entry(
    long id,
    long departmentId,
    LifecycleStatus status,
    int version,
    Integer openBatch,
    InformationResource resource,
    Instant createdAt,
    Instant updatedAt) {

  public Entry {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resource.code(), "resource.code");
  }

  public ResourceCode code() {
    return resource.code();
  }

  /** On the shared list (共享清单): published and not 不予共享. */
  public boolean onSharedList() {
    return status.isListed() && resource.isShared();
  }

  /** On the open list (开放清单): published and not 不予开放. */
  public boolean onOpenList() {
    return status.isListed() && resource.isOpen();
  }
}
