package cn.govdata.catalog.ckan;

import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.portal.PublishedCatalog;
import cn.govdata.catalog.portal.PublishedCatalog.Distribution;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.InformationResource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds CKAN's dictionaries (package, resource, organization, group, tag) from directory entries,
 * with the field names and types CKAN 2.10 documents. Names are CKAN-style slugs: a package is
 * named after its resource code, an organization after its credit code, a group after its
 * classification code.
 */
final class CkanPackages {

  private final String baseUrl;

  CkanPackages(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code 1010100/000001} → {@code d-1010100-000001}. */
  static String packageName(Entry entry) {
    return "d-" + entry.code().toString().replace('/', '-').toLowerCase(Locale.ROOT);
  }

  static String organizationName(Department department) {
    return department.creditCode().toLowerCase(Locale.ROOT);
  }

  static String groupName(Classification classification) {
    return "c" + classification.category().digit() + classification.itemCode();
  }

  /** CKAN writes timestamps as ISO local date-times in UTC, without a zone. */
  static String timestamp(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
        .toString();
  }

  Map<String, Object> packageDict(Entry entry, Department department, boolean isPrivate) {
    InformationResource resource = entry.resource();
    Map<String, Object> dict = new LinkedHashMap<>();
    String id = Long.toString(entry.id());
    dict.put("id", id);
    dict.put("name", packageName(entry));
    dict.put("title", resource.name());
    dict.put("notes", resource.summary());
    dict.put("url", baseUrl + "/dataset/" + id);
    dict.put("version", Integer.toString(entry.version()));
    dict.put("state", "active");
    dict.put("type", "dataset");
    dict.put("private", isPrivate);
    dict.put("license_id", "");
    dict.put("license_title", "");
    dict.put("author", department.name());
    dict.put("author_email", null);
    dict.put("maintainer", department.name());
    dict.put("maintainer_email", null);
    dict.put("metadata_created", timestamp(entry.createdAt()));
    dict.put("metadata_modified", timestamp(entry.updatedAt()));
    dict.put("creator_user_id", null);
    dict.put("owner_org", organizationName(department));
    dict.put("organization", organizationDict(department, null));
    List<Map<String, Object>> resources = new ArrayList<>();
    List<Distribution> distributions = PublishedCatalog.distributions(entry);
    for (int position = 0; position < distributions.size(); position++) {
      resources.add(resourceDict(entry, distributions.get(position), position));
    }
    dict.put("resources", resources);
    dict.put("num_resources", resources.size());
    List<Map<String, Object>> tags =
        resource.keywords().stream().map(CkanPackages::tagDict).toList();
    dict.put("tags", tags);
    dict.put("num_tags", tags.size());
    dict.put("groups", List.of(groupDict(resource.classification(), null)));
    List<Map<String, Object>> extras = new ArrayList<>();
    extras.add(extra("resource_code", entry.code().toString()));
    extras.add(extra("update_cycle", resource.updateCycle().chinese()));
    extras.add(extra("open_type", resource.open().type().chinese()));
    if (resource.open().conditions() != null) {
      extras.add(extra("open_conditions", resource.open().conditions()));
    }
    extras.add(extra("share_type", resource.share().type().chinese()));
    extras.add(extra("format", resource.format().family().chinese()));
    extras.add(extra("region_code", resource.provider().regionCode()));
    extras.add(
        extra(
            "publish_date",
            resource.publishDate() == null ? "" : resource.publishDate().toString()));
    dict.put("extras", extras);
    dict.put("relationships_as_object", List.of());
    dict.put("relationships_as_subject", List.of());
    dict.put("isopen", PublishedCatalog.isDownloadable(entry));
    return dict;
  }

  Map<String, Object> resourceDict(Entry entry, Distribution distribution, int position) {
    Map<String, Object> dict = new LinkedHashMap<>();
    String id = entry.id() + "-" + distribution.id();
    dict.put("id", id);
    dict.put("package_id", Long.toString(entry.id()));
    dict.put("name", entry.resource().name() + " (" + distribution.format() + ")");
    dict.put("description", entry.resource().summary());
    dict.put("format", distribution.format());
    dict.put("mimetype", distribution.mediaType());
    dict.put("url", baseUrl + "/dataset/" + entry.id() + "/download." + distribution.extension());
    dict.put("url_type", null);
    dict.put("state", "active");
    dict.put("position", position);
    dict.put("created", timestamp(entry.createdAt()));
    dict.put("last_modified", timestamp(entry.updatedAt()));
    dict.put("metadata_modified", timestamp(entry.updatedAt()));
    dict.put("resource_type", null);
    dict.put("size", null);
    dict.put("hash", "");
    dict.put("datastore_active", false);
    return dict;
  }

  Map<String, Object> organizationDict(Department department, Integer packageCount) {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("id", Long.toString(department.id()));
    dict.put("name", organizationName(department));
    dict.put("title", department.name());
    dict.put("display_name", department.name());
    dict.put("description", department.name() + "（" + department.regionCode() + "）");
    dict.put("image_url", "");
    dict.put("image_display_url", "");
    dict.put("type", "organization");
    dict.put("is_organization", true);
    dict.put("state", "active");
    dict.put("approval_status", "approved");
    dict.put("created", "");
    if (packageCount != null) {
      dict.put("package_count", packageCount);
    }
    return dict;
  }

  Map<String, Object> groupDict(Classification classification, Integer packageCount) {
    Map<String, Object> dict = new LinkedHashMap<>();
    String name = groupName(classification);
    dict.put("id", name);
    dict.put("name", name);
    dict.put("title", classification.itemName());
    dict.put("display_name", classification.itemName());
    dict.put(
        "description", classification.category().chinese() + " · " + classification.itemName());
    dict.put("image_url", "");
    dict.put("image_display_url", "");
    dict.put("type", "group");
    dict.put("is_organization", false);
    dict.put("state", "active");
    dict.put("approval_status", "approved");
    if (packageCount != null) {
      dict.put("package_count", packageCount);
    }
    return dict;
  }

  static Map<String, Object> tagDict(String name) {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("id", name);
    dict.put("name", name);
    dict.put("display_name", name);
    dict.put("state", "active");
    dict.put("vocabulary_id", null);
    return dict;
  }

  private static Map<String, Object> extra(String key, String value) {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("key", key);
    dict.put("value", value);
    return dict;
  }
}
