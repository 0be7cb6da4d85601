package cn.govdata.sql.extension;

import cn.govdata.governance.policy.MaskType;
import cn.govdata.governance.policy.Masks;
import java.util.Arrays;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The governance {@link Masks} over Spark's own string type, called from generated code (the plan
 * holds a {@code StaticInvoke} of these methods): a value is masked in its UTF-8 bytes without
 * becoming a Java {@link String} and back, which was most of the cost of masking a column. The
 * common shapes take the fast path: an identity number or a mobile of ASCII characters, a name
 * without surrounding white space. Everything else goes through {@link Masks} itself, so the result
 * is always the one {@link Masks} gives (a test compares the two over generated values).
 */
public final class Utf8Masks {

  private static final byte MASK = (byte) Masks.MASK_CHARACTER;

  private Utf8Masks() {}

  /** The method of this class that applies {@code type}. */
  static String methodFor(MaskType type) {
    return switch (type) {
      case MASK_ID_NUMBER -> "identityNumber";
      case MASK_MOBILE -> "mobile";
      case MASK_PERSON_NAME -> "personName";
      case MASK_ADDRESS -> "address";
      case MASK -> "redact";
      case MASK_SHOW_LAST_4 -> "showLast4";
      case MASK_HASH -> "hash";
      case MASK_NULL, MASK_NONE ->
          throw new IllegalArgumentException(type + " is not applied through a function");
    };
  }

  public static UTF8String identityNumber(UTF8String value) {
    return isPlainAscii(value)
        ? keepEnds(value.getBytes(), 6, 4)
        : slow(MaskType.MASK_ID_NUMBER, value);
  }

  public static UTF8String mobile(UTF8String value) {
    return isPlainAscii(value)
        ? keepEnds(value.getBytes(), 3, 4)
        : slow(MaskType.MASK_MOBILE, value);
  }

  public static UTF8String personName(UTF8String value) {
    if (!hasNoSurroundingSpace(value)) {
      return slow(MaskType.MASK_PERSON_NAME, value);
    }
    int length = value.numChars();
    if (length <= 1) {
      return stars(length);
    }
    int surname = length > 2 && Masks.isCompoundSurname(value.substring(0, 2).toString()) ? 2 : 1;
    return UTF8String.concat(value.substring(0, surname), stars(length - surname));
  }

  public static UTF8String address(UTF8String value) {
    return slow(MaskType.MASK_ADDRESS, value);
  }

  public static UTF8String redact(UTF8String value) {
    return slow(MaskType.MASK, value);
  }

  public static UTF8String showLast4(UTF8String value) {
    return slow(MaskType.MASK_SHOW_LAST_4, value);
  }

  public static UTF8String hash(UTF8String value) {
    return slow(MaskType.MASK_HASH, value);
  }

  private static byte byteAt(UTF8String value, int index) {
    return Platform.getByte(value.getBaseObject(), value.getBaseOffset() + index);
  }

  private static UTF8String slow(MaskType type, UTF8String value) {
    return UTF8String.fromString(Masks.apply(type, value.toString()));
  }

  /**
   * Every byte ASCII and no white space at either end: then each byte is one character and {@link
   * String#strip()} removes nothing (every ASCII white-space character is at most U+0020).
   */
  private static boolean isPlainAscii(UTF8String value) {
    int size = value.numBytes();
    if (size == 0 || (byteAt(value, 0) & 0xff) <= ' ' || (byteAt(value, size - 1) & 0xff) <= ' ') {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (byteAt(value, i) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first and the last character are not white space, so {@link String#strip()} would remove
   * nothing; decoded from the bytes at either end. A value whose ends do not decode takes the slow
   * path.
   */
  private static boolean hasNoSurroundingSpace(UTF8String value) {
    int size = value.numBytes();
    if (size == 0) {
      return false;
    }
    int last = size - 1;
    while (last > 0 && (byteAt(value, last) & 0xc0) == 0x80) {
      last--;
    }
    int first = codePointAt(value, 0, size);
    int end = codePointAt(value, last, size);
    return first >= 0 && end >= 0 && !Character.isWhitespace(first) && !Character.isWhitespace(end);
  }

  /** The code point whose encoding starts at byte {@code start} and ends by {@code size}, or -1. */
  private static int codePointAt(UTF8String value, int start, int size) {
    int lead = byteAt(value, start) & 0xff;
    if (lead < 0x80) {
      return lead;
    }
    int continuation = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : -1;
    if (continuation < 0 || start + continuation >= size) {
      return -1;
    }
    int codePoint = lead & (0x3f >> continuation);
    for (int i = 1; i <= continuation; i++) {
      codePoint = (codePoint << 6) | (byteAt(value, start + i) & 0x3f);
    }
    return codePoint;
  }

  private static UTF8String keepEnds(byte[] bytes, int head, int tail) {
    byte[] masked = bytes.clone();
    if (bytes.length <= head + tail) {
      Arrays.fill(masked, MASK);
    } else {
      Arrays.fill(masked, head, bytes.length - tail, MASK);
    }
    return UTF8String.fromBytes(masked);
  }

  private static UTF8String stars(int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, MASK);
    return UTF8String.fromBytes(bytes);
  }
}
