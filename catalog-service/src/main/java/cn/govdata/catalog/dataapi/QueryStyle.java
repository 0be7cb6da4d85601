package cn.govdata.catalog.dataapi;

/**
 * The two ways of asking for rows, named by the query parameters they use, so that an error names
 * the parameter the caller actually sent.
 */
enum QueryStyle {
  /** CKAN's {@code datastore_search}: filters (JSON), q, fields, sort, limit, offset. */
  CKAN("fields", "filters", "sort", "limit", "offset"),
  /** Socrata's SoQL: $select, $where, $order, $limit, $offset. */
  SOQL("$select", "$where", "$order", "$limit", "$offset");

  final String select;
  final String where;
  final String order;
  final String limit;
  final String offset;

  QueryStyle(String select, String where, String order, String limit, String offset) {
    this.select = select;
    this.where = where;
    this.order = order;
    this.limit = limit;
    this.offset = offset;
  }
}
