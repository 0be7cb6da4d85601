package cn.govdata.catalog.openlist;

import cn.govdata.catalog.batch.BatchRepository;
import cn.govdata.catalog.batch.OpenBatch;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.form.ListKind;
import cn.govdata.governance.form.ListRow;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the shared list (共享清单: published and not 不予共享) and the open list (开放清单: published and
 * not 不予开放, with its open batch) from the directory.
 */
@Service
public class ListService {

  private final DirectoryService directory;
  private final BatchRepository batches;

  ListService(DirectoryService directory, BatchRepository batches) {
    this.directory = directory;
    this.batches = batches;
  }

  /** One line of a list: the entry and, on the open list, its batch. */
  public record ListLine(Entry entry, OpenBatch batch) {

    /** The line in the directory form's list layout. */
    public ListRow row() {
      return batch == null
          ? ListRow.of(entry.resource())
          : new ListRow(entry.resource(), batch.title(), batch.plannedDate(), batch.actualDate());
    }
  }

  @Transactional(readOnly = true)
  public List<ListLine> generate(Caller caller, ListKind kind) {
    return switch (kind) {
      case SHARED_LIST -> {
        if (!caller.isStaff()) {
          throw ApiException.forbidden(
              "role.staff", "the shared list is for the departments' staff");
        }
        yield directory.published().stream()
            .filter(Entry::onSharedList)
            .map(e -> new ListLine(e, null))
            .toList();
      }
      case OPEN_LIST -> {
        Map<Integer, OpenBatch> byNumber =
            batches.list().stream()
                .collect(Collectors.toMap(OpenBatch::number, Function.identity()));
        yield directory.published().stream()
            .filter(Entry::onOpenList)
            .map(e -> new ListLine(e, e.openBatch() == null ? null : byNumber.get(e.openBatch())))
            .toList();
      }
      case DIRECTORY -> throw new IllegalArgumentException("the directory is not a list");
    };
  }
}
