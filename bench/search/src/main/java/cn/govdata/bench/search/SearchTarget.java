package cn.govdata.bench.search;

/**
 * Something the benchmark sends the query mix to. The direct target calls Elasticsearch through the
 * search module's Java API; {@link HttpSearchTarget} calls the platform's search API over HTTP once
 * the portal runs, so both are measured in the same run over the same queries.
 */
interface SearchTarget extends AutoCloseable {

  String name();

  /** Runs one query and returns how many entries matched (checked to be the same everywhere). */
  long search(BenchQuery query) throws Exception;

  @Override
  default void close() {}
}
