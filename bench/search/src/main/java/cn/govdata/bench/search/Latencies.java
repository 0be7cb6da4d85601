package cn.govdata.bench.search;

import java.util.Arrays;

/** Recorded latencies in nanoseconds and their percentiles (nearest rank). */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  int count() {
    return size;
  }

  /** The {@code percent}th percentile in milliseconds. */
  double percentileMillis(double percent) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  double meanMillis() {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += nanos[i];
    }
    return size == 0 ? Double.NaN : sum / 1e6 / size;
  }
}
