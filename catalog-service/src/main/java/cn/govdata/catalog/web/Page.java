package cn.govdata.catalog.web;

import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list the API returns.
 *
 * @param items the page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items all pages hold
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }

  /**
   * A page request checked against the largest page the API returns.
   *
   * @param page from 0
   * @param size from 1 to the limit
   */
  public record Request(int page, int size) {

    public static Request of(int page, int size, int maxSize) {
      List<FieldViolation> violations = new ArrayList<>();
      if (page < 0) {
        violations.add(new FieldViolation("page", "page.min", "page must be 0 or more"));
      }
      if (size < 1 || size > maxSize) {
        violations.add(
            new FieldViolation(
                "size", "page.size", "size must be between 1 and " + maxSize + ", got " + size));
      }
      if (!violations.isEmpty()) {
        throw new InvalidFieldException(violations);
      }
      return new Request(page, size);
    }

    public long offset() {
      return (long) page * size;
    }
  }
}
