package cn.govdata.search;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A published directory entry as the search layer receives it from the directory service.
 *
 * @param id the directory service's identifier of the entry, stable across edits
 * @param resource the entry's metadata; its code must be assigned
 * @param status must be {@link LifecycleStatus#PUBLISHED}: only listed entries are searchable
 * @param regionName the name of the provider's region (e.g. 佛山市), shown next to its code
 * @param popularity views and downloads as the portal counts them, at least 0
 * @param updatedAt when the entry or its data last changed
 */
public record CatalogEntry(
    String id,
    InformationResource resource,
    LifecycleStatus status,
    String regionName,
    long popularity,
    Instant updatedAt) {

  public CatalogEntry {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}")) {
      throw new IllegalArgumentException(
          "entry id must be 1 to 128 letters, digits or _.:/- and start with a letter or digit: "
              + id);
    }
    Objects.requireNonNull(resource, "resource");
    if (resource.code() == null) {
      throw new IllegalArgumentException("entry " + id + " has no resource code yet");
    }
    if (status != LifecycleStatus.PUBLISHED) {
      throw new IllegalArgumentException(
          "entry " + id + " is " + status + "; only PUBLISHED entries are indexed");
    }
    if (regionName == null || regionName.isBlank()) {
      regionName = resource.provider().regionCode();
    }
    if (popularity < 0) {
      throw new IllegalArgumentException("popularity must be at least 0, got " + popularity);
    }
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The department name (提供方). */
  public String departmentName() {
    return resource.provider().name();
  }
}
