package cn.govdata.pipelines.cleanse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Traditional ↔ simplified characters (繁简转换) for match keys. Names from Hong Kong, Macao and older
 * registers arrive in traditional script; matching compares the simplified form while the value as
 * sent is kept.
 */
public final class ChineseScript {

  private static final String TABLE = "/cn/govdata/pipelines/simplified-traditional.txt";
  private static final Map<Character, Character> TO_SIMPLIFIED = new HashMap<>();
  private static final Map<Character, Character> TO_TRADITIONAL = new HashMap<>();

  static {
    try (InputStream in = ChineseScript.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TABLE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        for (String pair : line.strip().split("\\s+")) {
          if (pair.length() == 2 && pair.charAt(0) != pair.charAt(1)) {
            TO_SIMPLIFIED.put(pair.charAt(1), pair.charAt(0));
            TO_TRADITIONAL.putIfAbsent(pair.charAt(0), pair.charAt(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ChineseScript() {}

  public static String toSimplified(String text) {
    return map(text, TO_SIMPLIFIED);
  }

  public static String toTraditional(String text) {
    return map(text, TO_TRADITIONAL);
  }

  /** True when the character has a traditional form in the table. */
  public static boolean hasTraditional(char c) {
    return TO_TRADITIONAL.containsKey(c);
  }

  private static String map(String text, Map<Character, Character> table) {
    if (text == null) {
      return null;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      Character mapped = table.get(chars[i]);
      if (mapped != null) {
        chars[i] = mapped;
      }
    }
    return new String(chars);
  }
}
