package cn.govdata.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.lineage.graph.Dataset;
import cn.govdata.lineage.graph.LineageDirection;
import cn.govdata.lineage.graph.LineageFixtures;
import cn.govdata.lineage.graph.LineageProcess;
import cn.govdata.lineage.graph.LineageRecords;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What every database behind {@link JdbcLineageStore} must do; one subclass per database. */
abstract class LineageStoreContract {

  final LineageFixtures story = new LineageFixtures();

  /** A data source on an empty database (or schema) of its own. */
  abstract DataSource dataSource();

  JdbcLineageStore store() {
    JdbcLineageStore store = new JdbcLineageStore(dataSource(), Clock.systemUTC());
    store.createSchema();
    return store;
  }

  void saveStory(JdbcLineageStore store) {
    // Columns are saved before their table's other rows on purpose: only the table must precede.
    for (Dataset dataset :
        List.of(
            story.extract,
            story.person,
            story.idNumber,
            story.name,
            story.region,
            story.resource,
            story.cityCopy)) {
      store.save(dataset);
    }
    for (LineageProcess process : List.of(story.ingest, story.publish, story.delivery)) {
      store.save(process);
    }
  }

  @Test
  void whatOneProcessSavesAnotherLoadsAsTheSameGraph() {
    saveStory(store());

    LineageRecords loaded = new JdbcLineageStore(dataSource(), Clock.systemUTC()).load();

    LineageRecords original = story.records();
    assertThat(loaded.datasets()).containsExactlyElementsOf(original.datasets());
    assertThat(loaded.processes()).containsExactlyElementsOf(original.processes());
    assertThat(loaded.graph(story.person.qualifiedName(), LineageDirection.BOTH, 3))
        .isEqualTo(original.graph(story.person.qualifiedName(), LineageDirection.BOTH, 3));
  }

  @Test
  void savingAgainReplacesTheRecord() {
    JdbcLineageStore store = store();
    saveStory(store);
    LineageProcess rerun =
        LineageProcess.pipelineRun(
            "ingest-population",
            "run-7",
            LineageFixtures.PROVINCE,
            List.of(story.extract),
            List.of(story.person),
            LineageFixtures.T0,
            LineageFixtures.T0.plusSeconds(1200),
            "FAILED");

    store.save(rerun);

    assertThat(store.load().processes()).hasSize(3).contains(rerun).doesNotContain(story.ingest);
  }

  @Test
  void aProcessNamingAnUnsavedDatasetIsRefusedAndNothingIsWritten() {
    JdbcLineageStore store = store();
    store.save(story.extract);

    assertThatThrownBy(() -> store.save(story.ingest))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("base.population_person@gd-province");
    assertThat(store.load().processes()).isEmpty();
  }

  @Test
  void concurrentSavesOfTheSameNewRecordLeaveOneRow() throws Exception {
    JdbcLineageStore store = store();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Void> save =
          () -> {
            store.save(story.person);
            return null;
          };
      List<Future<Void>> saves = pool.invokeAll(List.of(save, save, save, save));
      for (Future<Void> done : saves) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.load().datasets()).containsExactly(story.person);
  }
}
