package cn.govdata.catalog.apikey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per API key: a key may make {@code burst} requests at once and then {@code rate}
 * per second. Held in memory: a node restart refills every bucket, which errs on the side of the
 * caller for at most one burst; the daily quotas are in the database.
 */
final class RateLimiter {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final LongSupplier nanoClock;
  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Takes a token from the key's bucket.
   *
   * @return 0 if the request may go ahead, else how many nanoseconds until a token is there
   */
  long acquire(long keyId, int rate, int burst) {
    Bucket bucket = buckets.computeIfAbsent(keyId, id -> new Bucket(burst, nanoClock.getAsLong()));
    synchronized (bucket) {
      long now = nanoClock.getAsLong();
      double capacity = Math.max(1, burst);
      bucket.tokens =
          Math.min(
              capacity, bucket.tokens + (now - bucket.updated) * (double) rate / NANOS_PER_SECOND);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) * NANOS_PER_SECOND / rate);
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
