package cn.govdata.search;

import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document stored in Elasticsearch for one entry: flat, denormalised, enum values by constant
 * name. Field names are those of {@code catalog-index.json}.
 */
record IndexedEntry(
    String id,
    String code,
    String name,
    String summary,
    List<String> items,
    List<String> keywords,
    String department,
    String departmentCode,
    String region,
    String regionName,
    String level,
    String category,
    String classification,
    String classificationCode,
    String format,
    String formatDetail,
    String openType,
    String shareType,
    String updateCycle,
    String dataCategory,
    String grade,
    List<String> lists,
    String status,
    long popularity,
    String updatedAt,
    String publishDate,
    Map<String, Object> suggest) {

  static IndexedEntry of(CatalogEntry entry) {
    InformationResource resource = entry.resource();
    List<String> lists =
        CatalogListing.of(resource).stream().map(CatalogListing::indexValue).toList();
    List<String> items = new ArrayList<>();
    for (InformationItem item : resource.items()) {
      items.add(item.description() == null ? item.name() : item.name() + " " + item.description());
    }
    Set<String> suggestions = new LinkedHashSet<>();
    suggestions.add(resource.name());
    suggestions.addAll(resource.keywords());
    LocalDate published = resource.publishDate();
    return new IndexedEntry(
        entry.id(),
        resource.code().toString(),
        resource.name(),
        resource.summary(),
        items,
        resource.keywords(),
        resource.provider().name(),
        resource.provider().creditCode(),
        resource.provider().regionCode(),
        entry.regionName(),
        resource.provider().level().name(),
        resource.classification().category().name(),
        resource.classification().itemName(),
        resource.classification().frontCode(),
        resource.format().family().name(),
        resource.format().detail(),
        resource.open().type().name(),
        resource.share().type().name(),
        resource.updateCycle().name(),
        resource.grade().category().name(),
        resource.grade().level().name(),
        lists,
        entry.status().name(),
        entry.popularity(),
        entry.updatedAt().toString(),
        published == null ? null : published.toString(),
        Map.of("input", List.copyOf(suggestions), "contexts", Map.of("list", lists)));
  }

  /** Whether anyone may find the entry at all: it is on the open or the shared list. */
  boolean isListed() {
    return !lists.isEmpty();
  }
}
