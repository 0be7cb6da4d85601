package cn.govdata.governance.form;

/**
 * How large a directory form may be. A department's directory has hundreds of entries, not tens of
 * thousands: the limits keep one upload from exhausting the service's memory.
 *
 * @param maxBytes the largest file accepted, in bytes
 * @param maxRows the most data rows accepted (the header does not count)
 */
public record FormLimits(long maxBytes, int maxRows) {

  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
  public static final int DEFAULT_MAX_ROWS = 5000;

  public FormLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
    }
  }

  /** 5 MB and 5000 rows. */
  public static FormLimits defaults() {
    return new FormLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);
  }
}
