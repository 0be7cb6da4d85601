package cn.govdata.catalog.apikey;

/**
 * A key over its rate or quota: answered with 429, a {@code Retry-After} header and a problem
 * detail naming the limit.
 */
public final class TooManyRequestsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String rule;
  private final long retryAfterSeconds;

  TooManyRequestsException(String rule, String message, long retryAfterSeconds) {
    super(message);
    this.rule = rule;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public String rule() {
    return rule;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
