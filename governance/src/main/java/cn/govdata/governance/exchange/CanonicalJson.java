package cn.govdata.governance.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic JSON form for documents that are hashed and signed: object keys sorted by UTF-16
 * code units, no whitespace, integers only, strings escaped only where JSON requires it (the rules
 * of RFC 8785 restricted to the values the exchange documents use). Equal values always give equal
 * bytes, so a hash or signature over the text is a hash or signature over the value.
 *
 * <p>The reader is strict JSON and returns {@code Map} (insertion ordered), {@code List}, {@code
 * String}, {@code Long}, {@code Boolean} or {@code null}. Callers that need to know whether a text
 * was written canonically compare it with {@code write(read(text))}.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** Writes a value built from maps with string keys, lists, strings, integers and booleans. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    writeValue(value, out);
    return out.toString();
  }

  /**
   * Reads one JSON value that fills the whole text.
   *
   * @throws MalformedJsonException with the offset and what was expected
   */
  public static Object read(String text) {
    Parser parser = new Parser(text);
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("end of text");
    }
    return value;
  }

  /** Reads a JSON object. */
  public static Map<String, Object> readObject(String text) {
    Object value = read(text);
    if (!(value instanceof Map<?, ?>)) {
      throw new MalformedJsonException("expected a JSON object at offset 0");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  /** Whether {@code text} is exactly the canonical form of the value it holds. */
  public static boolean isCanonical(String text) {
    try {
      return write(read(text)).equals(text);
    } catch (MalformedJsonException e) {
      return false;
    }
  }

  private static void writeValue(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(list.get(i), out);
      }
      out.append(']');
    } else {
      // Floating point has no single textual form worth trusting in a signed document.
      throw new IllegalArgumentException(
          "canonical JSON holds maps, lists, strings, integers and booleans, not "
              + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("canonical JSON object keys are strings");
      }
      sorted.put(key, entry.getValue());
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(entry.getKey(), out);
      out.append(':');
      writeValue(entry.getValue(), out);
    }
    out.append('}');
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Thrown when a text is not valid JSON of the supported kind. */
  public static final class MalformedJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message) {
      super(message);
    }
  }

  private static final class Parser {
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int depth;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      skipWhitespace();
      if (position >= text.length()) {
        throw error("a value");
      }
      char c = text.charAt(position);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw error("a value");
        }
      };
    }

    private Map<String, Object> object() {
      enter();
      position++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek('}')) {
        position++;
        depth--;
        return map;
      }
      while (true) {
        skipWhitespace();
        if (!peek('"')) {
          throw error("a string key");
        }
        String key = string();
        if (map.containsKey(key)) {
          throw error("a key not seen before in this object (duplicate '" + key + "')");
        }
        skipWhitespace();
        expect(':');
        map.put(key, value());
        skipWhitespace();
        if (peek(',')) {
          position++;
        } else if (peek('}')) {
          position++;
          depth--;
          return map;
        } else {
          throw error("',' or '}'");
        }
      }
    }

    private List<Object> array() {
      enter();
      position++;
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek(']')) {
        position++;
        depth--;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        list.add(value());
        skipWhitespace();
        if (peek(',')) {
          position++;
        } else if (peek(']')) {
          position++;
          depth--;
          return Collections.unmodifiableList(list);
        } else {
          throw error("',' or ']'");
        }
      }
    }

    private String string() {
      position++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (position >= text.length()) {
          throw error("closing '\"'");
        }
        char c = text.charAt(position++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("no unescaped control character in a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (position >= text.length()) {
          throw error("an escape");
        }
        char e = text.charAt(position++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (position + 4 > text.length()) {
              throw error("four hex digits");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("four hex digits");
            }
            position += 4;
          }
          default -> throw error("a valid escape");
        }
      }
    }

    private Long number() {
      int start = position;
      if (peek('-')) {
        position++;
      }
      while (position < text.length()
          && text.charAt(position) >= '0'
          && text.charAt(position) <= '9') {
        position++;
      }
      if (position < text.length() && "eE.".indexOf(text.charAt(position)) >= 0) {
        throw error("an integer (no fractions or exponents)");
      }
      String digits = text.substring(start, position);
      if (digits.isEmpty() || digits.equals("-")) {
        throw error("digits");
      }
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw error("an integer that fits in 64 bits");
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, position)) {
        throw error("'" + word + "'");
      }
      position += word.length();
      return value;
    }

    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw error("nesting of at most " + MAX_DEPTH);
      }
    }

    private boolean peek(char c) {
      return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("'" + c + "'");
      }
      position++;
    }

    void skipWhitespace() {
      while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
        position++;
      }
    }

    MalformedJsonException error(String expected) {
      return new MalformedJsonException("expected " + expected + " at offset " + position);
    }
  }
}
