package cn.govdata.search;

/**
 * Search cannot answer right now: Elasticsearch is down, unreachable or failing. The message is
 * meant for users and operators alike and never carries Elasticsearch's own error text; the cause
 * keeps the detail for the log.
 */
public final class SearchUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
