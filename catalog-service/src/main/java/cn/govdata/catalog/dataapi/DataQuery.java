package cn.govdata.catalog.dataapi;

import java.util.List;
import java.util.Objects;

/**
 * What a caller asks of a dataset, whichever style they used (CKAN {@code datastore_search} or
 * Socrata SoQL): the columns, the row filter, the order and the page.
 *
 * @param columns the columns to return, in order; empty for all of them
 * @param where the row filter, {@code null} for every row
 * @param order the sort keys, most significant first
 * @param limit the most rows to return, at least 1
 * @param offset how many rows to skip, at least 0
 */
record DataQuery(
    List<String> columns, Condition where, List<Ordering> order, int limit, int offset) {

  DataQuery {
    columns = List.copyOf(columns);
    order = List.copyOf(order);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }

  /** One sort key. */
  record Ordering(String column, boolean descending) {
    Ordering {
      Objects.requireNonNull(column, "column");
    }
  }
}
