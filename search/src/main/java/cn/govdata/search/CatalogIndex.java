package cn.govdata.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog index: versioned indices {@code <alias>-v<timestamp>} behind the alias that searches
 * go through. A rebuild fills a new index and moves the alias in one atomic request, so search
 * keeps answering from the old index until the new one is complete; entries published or retired
 * meanwhile are written to every version, so the swap loses none of them.
 */
public final class CatalogIndex {

  /** Entries per bulk request during a rebuild. */
  static final int BATCH_SIZE = 1_000;

  /** Bulk requests in flight during a rebuild: enough to keep a small node's cores busy. */
  static final int BULK_CONCURRENCY = 2;

  private static final String MAPPING = "catalog-index.json";
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;

  public CatalogIndex(SearchConnection connection) {
    this(connection, Clock.systemUTC());
  }

  CatalogIndex(SearchConnection connection, Clock clock) {
    this.client = connection.client();
    this.alias = connection.settings().alias();
    this.clock = clock;
  }

  /**
   * Builds a new index version from {@code entries}, then points the alias at it and drops the
   * versions before it. If anything fails the new version is deleted and the alias still points at
   * the previous one.
   *
   * @return the name of the new index
   */
  public String rebuild(Iterable<CatalogEntry> entries) {
    String index = createVersion();
    try {
      Failures.guard(
          "prepare the rebuild",
          () ->
              client
                  .indices()
                  .putSettings(
                      s -> s.index(index).settings(i -> i.refreshInterval(t -> t.time("-1")))));
      try (BulkWriter writer =
          new BulkWriter(batch -> bulk(index, batch), BATCH_SIZE, BULK_CONCURRENCY)) {
        for (CatalogEntry entry : entries) {
          IndexedEntry document = IndexedEntry.of(entry);
          if (document.isListed()) {
            writer.add(BulkOperation.of(b -> b.index(i -> i.id(document.id()).document(document))));
          }
        }
        writer.finish();
      }
      Failures.guard(
          "finish the rebuild",
          () ->
              client
                  .indices()
                  .putSettings(
                      s -> s.index(index).settings(i -> i.refreshInterval(t -> t.time("1s")))));
      Failures.guard("finish the rebuild", () -> client.indices().refresh(r -> r.index(index)));
      swapAliasTo(index);
    } catch (RuntimeException e) {
      deleteQuietly(index);
      throw e;
    }
    return index;
  }

  /**
   * Adds or replaces one published entry (on publish and on every later change). An entry on
   * neither list is removed instead: nobody may find it.
   */
  public void publish(CatalogEntry entry) {
    IndexedEntry document = IndexedEntry.of(entry);
    if (!document.isListed()) {
      retire(entry.id());
      return;
    }
    for (String index : writeTargets()) {
      Failures.guard(
          "index entry " + entry.id(),
          () -> client.index(i -> i.index(index).id(document.id()).document(document)));
    }
  }

  /** Removes an entry (on retire); removing an entry that is not there is not an error. */
  public void retire(String id) {
    for (String index : versions()) {
      Failures.guard("remove entry " + id, () -> client.delete(d -> d.index(index).id(id)));
    }
  }

  /** Updates an entry's popularity without re-sending the whole entry. */
  public void recordPopularity(String id, long popularity) {
    if (popularity < 0) {
      throw new IllegalArgumentException("popularity must be at least 0, got " + popularity);
    }
    for (String index : versions()) {
      try {
        Failures.guard(
            "update entry " + id,
            () ->
                client.update(
                    u ->
                        u.index(index)
                            .id(id)
                            .doc(Map.of("popularity", popularity))
                            .retryOnConflict(3),
                    Object.class));
      } catch (SearchUnavailableException e) {
        if (!(e.getCause() instanceof ElasticsearchException es) || es.status() != 404) {
          throw e;
        }
      }
    }
  }

  /** Makes every change so far visible to search (tests and the benchmark; not needed in use). */
  public void refresh() {
    Failures.guard("refresh the index", () -> client.indices().refresh(r -> r.index(alias)));
  }

  /** The index the alias points at, if the catalog has been indexed. */
  public Optional<String> currentIndex() {
    try {
      var response = client.indices().getAlias(a -> a.name(alias));
      return response.result().keySet().stream().findFirst();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw Failures.refused("read the catalog alias", e);
    } catch (IOException e) {
      throw Failures.unavailable(e);
    }
  }

  /** Every version of the catalog index, oldest first, including one being rebuilt. */
  Set<String> versions() {
    return Failures.guard(
        "list the catalog indices",
        () ->
            new TreeSet<>(
                client
                    .indices()
                    .get(g -> g.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true))
                    .result()
                    .keySet()));
  }

  /** Where a single change goes: every version, after creating the first one if none exists. */
  private Set<String> writeTargets() {
    Set<String> versions = versions();
    if (!versions.isEmpty()) {
      return versions;
    }
    String index = createVersion();
    swapAliasTo(index);
    return Set.of(index);
  }

  private String createVersion() {
    String index = alias + "-v" + VERSION.format(clock.instant());
    while (exists(index)) {
      index = index + "0";
    }
    String name = index;
    Failures.guard(
        "create the catalog index",
        () -> {
          try (InputStream mapping = mapping()) {
            return client.indices().create(c -> c.index(name).withJson(mapping));
          }
        });
    return name;
  }

  private boolean exists(String index) {
    return Failures.guard(
        "check the catalog index", () -> client.indices().exists(e -> e.index(index)).value());
  }

  private void swapAliasTo(String index) {
    Optional<String> current = currentIndex();
    List<Action> actions = new ArrayList<>();
    current.ifPresent(old -> actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias)))));
    actions.add(Action.of(a -> a.add(ad -> ad.index(index).alias(alias))));
    Failures.guard(
        "switch the catalog alias", () -> client.indices().updateAliases(u -> u.actions(actions)));
    try {
      for (String version : versions()) {
        if (version.compareTo(index) < 0) {
          deleteQuietly(version);
        }
      }
    } catch (SearchUnavailableException e) {
      // The alias has moved; old versions left behind are dropped by the next rebuild.
    }
  }

  private void bulk(String index, List<BulkOperation> batch) {
    BulkResponse response =
        Failures.guard(
            "index the catalog",
            () -> client.bulk(b -> b.index(index).operations(batch).refresh(Refresh.False)));
    if (response.errors()) {
      List<BulkResponseItem> failed =
          response.items().stream().filter(item -> item.error() != null).toList();
      throw new IllegalStateException(
          failed.size()
              + " of "
              + batch.size()
              + " entries were rejected by the index, first: entry "
              + failed.get(0).id()
              + " ("
              + failed.get(0).error().type()
              + "); the catalog alias still points at the previous index");
    }
  }

  private void deleteQuietly(String index) {
    try {
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | RuntimeException e) {
      // The index stays behind; the next rebuild deletes every version older than its own.
    }
  }

  private static InputStream mapping() {
    InputStream in = CatalogIndex.class.getResourceAsStream(MAPPING);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing resource " + MAPPING));
    }
    return in;
  }
}
