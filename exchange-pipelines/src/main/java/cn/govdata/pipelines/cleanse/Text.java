package cn.govdata.pipelines.cleanse;

import java.util.Locale;

/** Layout normalisation shared by every standardiser: character width, spaces and punctuation. */
public final class Text {

  private Text() {}

  /**
   * Full-width forms (U+FF01–U+FF5E, the ideographic space) to their ASCII counterparts; extracts
   * typed with a Chinese input method often carry full-width digits and letters.
   */
  public static String toHalfWidth(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char mapped = c;
      if (c >= '\uFF01' && c <= '\uFF5E') {
        mapped = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        mapped = ' ';
      }
      if (mapped != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(mapped);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Free text (ethnicity, marital status, a supervising body) standardised: layout only, script
   * kept as sent; blank is missing.
   */
  public static Cleaned standardise(String raw) {
    String cleaned = clean(raw);
    return cleaned == null ? Cleaned.missing(raw) : Cleaned.valid(cleaned, raw);
  }

  /** Half-width, trimmed, inner runs of white space collapsed to one space; blank becomes null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String half = toHalfWidth(text).replaceAll("[\\s\\u00A0\\u200B\\uFEFF]+", " ").strip();
    return half.isEmpty() || isNullMarker(half) ? null : half;
  }

  /** Departments write "missing" in many ways; all of them mean no value. */
  static boolean isNullMarker(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "null", "n/a", "na", "none", "-", "--", "无", "空", "不详", "未知", "\\n" -> true;
      default -> false;
    };
  }

  /** Only digits and letters (upper case): codes are compared without separators. */
  public static String alphanumeric(String text) {
    String cleaned = clean(text);
    if (cleaned == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(cleaned.length());
    for (int i = 0; i < cleaned.length(); i++) {
      char c = cleaned.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        out.append(c);
      } else if (c >= 'a' && c <= 'z') {
        out.append((char) (c - 32));
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  /**
   * The key two names are compared on: half-width, simplified script, no spaces or punctuation,
   * lower case. 張 三 and 张三 share one key; the name as sent is kept elsewhere.
   */
  public static String matchKey(String text) {
    String cleaned = clean(text);
    if (cleaned == null) {
      return null;
    }
    String simplified = ChineseScript.toSimplified(cleaned);
    StringBuilder out = new StringBuilder(simplified.length());
    for (int i = 0; i < simplified.length(); i++) {
      char c = simplified.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.isEmpty() ? null : out.toString();
  }
}
