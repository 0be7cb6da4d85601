package cn.govdata.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Sends bulk batches with a few requests in flight, so that Elasticsearch indexes on every core
 * while the next batch is being built; the first failure stops the writer and is rethrown.
 */
final class BulkWriter implements AutoCloseable {

  private final Consumer<List<BulkOperation>> send;
  private final int batchSize;
  private final Semaphore inFlight;
  private final ExecutorService workers;
  private final List<Future<?>> sent = new ArrayList<>();
  private List<BulkOperation> batch;

  BulkWriter(Consumer<List<BulkOperation>> send, int batchSize, int concurrency) {
    this.send = send;
    this.batchSize = batchSize;
    this.inFlight = new Semaphore(concurrency);
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            task -> {
              Thread thread = new Thread(task, "catalog-bulk");
              thread.setDaemon(true);
              return thread;
            });
    this.batch = new ArrayList<>(batchSize);
  }

  void add(BulkOperation operation) {
    batch.add(operation);
    if (batch.size() == batchSize) {
      submit();
    }
  }

  /** Sends what is left and waits for every batch; rethrows the first failure. */
  void finish() {
    if (!batch.isEmpty()) {
      submit();
    }
    for (Future<?> future : sent) {
      await(future);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private void submit() {
    sent.removeIf(future -> future.isDone() && await(future));
    List<BulkOperation> full = batch;
    batch = new ArrayList<>(batchSize);
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing the catalog", e);
    }
    sent.add(
        workers.submit(
            () -> {
              try {
                send.accept(full);
              } finally {
                inFlight.release();
              }
            }));
  }

  private static boolean await(Future<?> future) {
    try {
      future.get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("indexing the catalog failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing the catalog", e);
    }
  }
}
