package cn.govdata.pipelines.delivery;

import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Duration;

/**
 * How often and how patiently a failed delivery is tried again: exponential backoff from {@code
 * firstBackoff}, doubling, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(2));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new InvalidFieldException("maxAttempts", "positive", "maxAttempts must be >= 1");
    }
    if (firstBackoff == null
        || firstBackoff.isNegative()
        || maxBackoff == null
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new InvalidFieldException(
          "maxBackoff", "backoff.range", "need 0 <= firstBackoff <= maxBackoff");
    }
  }

  /** The wait after failed attempt {@code attempt} (from 1). */
  public Duration backoffAfter(int attempt) {
    Duration wait = firstBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
