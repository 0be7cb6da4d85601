package cn.govdata.catalog.searchindex;

import cn.govdata.catalog.directory.Entry;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.codes.RegionDirectory;
import cn.govdata.search.CatalogEntry;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns stored directory entries into what the search index receives. */
@Component
class CatalogDocuments {

  private final RegionDirectory regions;

  CatalogDocuments(RegionDirectory regions) {
    this.regions = regions;
  }

  CatalogEntry of(Entry entry, long popularity) {
    String regionCode = entry.resource().provider().regionCode();
    String regionName = regions.find(regionCode).map(Region::name).orElse(regionCode);
    return new CatalogEntry(
        Long.toString(entry.id()),
        entry.resource(),
        entry.status(),
        regionName,
        popularity,
        entry.updatedAt());
  }

  Iterable<CatalogEntry> all(Iterable<Entry> published, Map<Long, Long> usage) {
    return () ->
        java.util.stream.StreamSupport.stream(published.spliterator(), false)
            .map(entry -> of(entry, usage.getOrDefault(entry.id(), 0L)))
            .iterator();
  }
}
