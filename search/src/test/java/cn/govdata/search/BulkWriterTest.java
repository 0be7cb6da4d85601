package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class BulkWriterTest {

  private static BulkOperation delete(int id) {
    return BulkOperation.of(b -> b.delete(d -> d.id(Integer.toString(id))));
  }

  @Test
  void sendsFullBatchesThenTheRest() {
    ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
    try (BulkWriter writer = new BulkWriter(batch -> sizes.add(batch.size()), 3, 2)) {
      for (int i = 0; i < 8; i++) {
        writer.add(delete(i));
      }
      writer.finish();
    }

    assertThat(sizes).containsExactlyInAnyOrder(3, 3, 2);
  }

  @Test
  void theFirstFailureIsRethrown() {
    try (BulkWriter writer =
        new BulkWriter(
            batch -> {
              throw new IllegalStateException("entry 7 rejected");
            },
            2,
            2)) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 10; i++) {
                  writer.add(delete(i));
                }
                writer.finish();
              })
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("entry 7 rejected");
    }
  }
}
