package cn.govdata.catalog.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(now::get);

  @Test
  void aBurstGoesThroughThenTheRateHolds() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire(1, 2, 3)).isZero();
    }
    long wait = limiter.acquire(1, 2, 3);
    // two per second: the next token is half a second away
    assertThat(wait).isEqualTo(500_000_000L);
    now.addAndGet(500_000_000L);
    assertThat(limiter.acquire(1, 2, 3)).isZero();
    assertThat(limiter.acquire(1, 2, 3)).isPositive();
  }

  @Test
  void eachKeyHasItsOwnBucketAndAnIdleBucketRefillsOnlyToItsSize() {
    assertThat(limiter.acquire(1, 1, 1)).isZero();
    assertThat(limiter.acquire(1, 1, 1)).isPositive();
    assertThat(limiter.acquire(2, 1, 1)).isZero();
    now.addAndGet(3_600_000_000_000L);
    assertThat(limiter.acquire(1, 1, 1)).isZero();
    assertThat(limiter.acquire(1, 1, 1)).isPositive();
  }
}
