package cn.govdata.catalog.searchindex;

import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.directory.EntryChangedEvent;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.search.CatalogIndex;
import cn.govdata.search.SearchUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the directory: after every committed change the entry is
 * re-sent (published) or removed (any other status). Search being down never fails a change in the
 * directory: the failure is logged and the next rebuild ({@code POST /api/v1/search/rebuild})
 * catches up.
 */
@Component
public class SearchIndexer {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

  /** Reads entries for the index whatever their status; it never changes anything. */
  private static final Caller INDEXER = new Caller("search-indexer", Role.GOVERNANCE_ADMIN, null);

  private final DirectoryService directory;
  private final CatalogIndex index;
  private final CatalogDocuments documents;
  private final EntryUsage usage;

  SearchIndexer(
      DirectoryService directory,
      CatalogIndex index,
      CatalogDocuments documents,
      EntryUsage usage) {
    this.directory = directory;
    this.index = index;
    this.documents = documents;
    this.usage = usage;
  }

  /** The result of a full rebuild. */
  public record Rebuilt(String index, int published) {}

  @TransactionalEventListener(fallbackExecution = true)
  void onChange(EntryChangedEvent event) {
    try {
      Entry entry = directory.get(INDEXER, event.entryId());
      if (entry.status() == LifecycleStatus.PUBLISHED) {
        index.publish(documents.of(entry, usage.of(entry.id())));
      } else {
        index.retire(Long.toString(entry.id()));
      }
      if (index.currentIndex().isPresent()) {
        // changes are rare and made by people: each is searchable when the call returns
        index.refresh();
      }
    } catch (SearchUnavailableException e) {
      log.warn(
          "search index not updated for entry {} ({}); rebuild the index when search is back",
          event.entryId(),
          e.getMessage());
    }
  }

  /** Counts a view or download and passes the new popularity on to the index. */
  public void recordUse(long entryId) {
    long uses = usage.record(entryId);
    try {
      index.recordPopularity(Long.toString(entryId), uses);
    } catch (SearchUnavailableException e) {
      log.debug("popularity of entry {} not sent to search: {}", entryId, e.getMessage());
    }
  }

  /**
   * Rebuilds the index from every published entry behind the alias; search keeps answering from the
   * previous version until the new one is complete.
   *
   * @throws SearchUnavailableException when Elasticsearch does not answer
   */
  public Rebuilt rebuild() {
    List<Entry> published = directory.published();
    String built = index.rebuild(documents.all(published, usage.all()));
    log.info("search index {} built from {} published entries", built, published.size());
    return new Rebuilt(built, published.size());
  }

  /** Whether the alias exists; false also when search is unavailable. */
  boolean isBuilt() {
    return index.currentIndex().isPresent();
  }
}
