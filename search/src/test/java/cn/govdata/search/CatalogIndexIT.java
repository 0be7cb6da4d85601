package cn.govdata.search;

import static cn.govdata.search.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.search.local.LocalElasticsearch;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The versioned index behind the alias, against a real Elasticsearch. */
class CatalogIndexIT {

  private SearchConnection connection;
  private CatalogIndex index;
  private CatalogSearch search;

  @BeforeEach
  void connect(TestInfo test) {
    String alias =
        "it-index-" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
    connection = new SearchConnection(LocalElasticsearch.shared().settings(alias));
    index = new CatalogIndex(connection);
    search = new CatalogSearch(connection);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  @Test
  void searchingBeforeAnythingIsIndexedGivesAnEmptyPage() {
    assertThat(search.search(CatalogQuery.of("人口", Viewer.PUBLIC)).isEmpty()).isTrue();
    assertThat(search.suggest("人口", Viewer.PUBLIC, 5)).isEmpty();
    assertThat(index.currentIndex()).isEmpty();
  }

  @Test
  void theFirstPublishCreatesTheIndexAndRetireRemovesTheEntry() {
    index.publish(entry("census", "广州市人口普查数据").build());
    index.refresh();
    assertThat(ids("人口普查")).containsExactly("census");
    assertThat(index.currentIndex()).isPresent();

    index.retire("census");
    index.retire("never-indexed");
    index.refresh();
    assertThat(ids("人口普查")).isEmpty();
  }

  @Test
  void publishingAgainReplacesTheEntry() {
    index.publish(entry("census", "广州市人口普查数据").build());
    index.publish(entry("census", "广州市人口抽样调查数据").summary("广州市人口抽样调查汇总").build());
    index.refresh();

    assertThat(ids("普查")).isEmpty();
    assertThat(ids("抽样调查")).containsExactly("census");
  }

  @Test
  void popularityUpdatesChangeTheOrder() {
    index.rebuild(
        List.of(
            entry("a", "人口数据甲").popularity(1).build(), entry("b", "人口数据乙").popularity(2).build()));
    index.recordPopularity("a", 10);
    index.recordPopularity("missing", 10);
    index.refresh();

    SearchPage page =
        search.search(CatalogQuery.of("", Viewer.PUBLIC).withSort(SearchSort.POPULARITY));
    assertThat(page.hits()).extracting(SearchHit::id).containsExactly("a", "b");
  }

  @Test
  void aRebuildSwapsTheAliasWhileSearchKeepsAnsweringAndLosesNoPublish() throws Exception {
    String first = index.rebuild(List.of(entry("old", "旧版人口数据").build()));
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    Iterable<CatalogEntry> slowCatalog =
        () ->
            new Iterator<>() {
              private int next;

              @Override
              public boolean hasNext() {
                return next < 2;
              }

              @Override
              public CatalogEntry next() {
                if (next == 1) {
                  halfway.countDown();
                  await(resume);
                }
                next++;
                return entry("new" + next, "新版人口数据" + next).build();
              }
            };

    CompletableFuture<String> rebuild =
        CompletableFuture.supplyAsync(() -> index.rebuild(slowCatalog));
    assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ids("人口数据")).containsExactly("old");
    index.publish(entry("published-meanwhile", "期间发布的人口数据").build());
    resume.countDown();
    String second = rebuild.get(120, TimeUnit.SECONDS);
    index.refresh();

    assertThat(second).isNotEqualTo(first).startsWith("it-index-");
    assertThat(index.currentIndex()).contains(second);
    assertThat(index.versions()).containsExactly(second);
    assertThat(ids("人口数据")).containsExactlyInAnyOrder("new1", "new2", "published-meanwhile");
  }

  @Test
  void aFailedRebuildLeavesTheAliasOnThePreviousIndex() {
    String first = index.rebuild(List.of(entry("old", "旧版人口数据").build()));
    Iterable<CatalogEntry> broken =
        () ->
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public CatalogEntry next() {
                throw new IllegalStateException("the directory database went away");
              }
            };

    assertThatThrownBy(() -> index.rebuild(broken)).hasMessageContaining("went away");
    assertThat(index.currentIndex()).contains(first);
    assertThat(index.versions()).containsExactly(first);
    assertThat(ids("人口数据")).containsExactly("old");
  }

  private List<String> ids(String text) {
    return search.search(CatalogQuery.of(text, Viewer.PUBLIC)).hits().stream()
        .map(SearchHit::id)
        .toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not resume the rebuild");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
