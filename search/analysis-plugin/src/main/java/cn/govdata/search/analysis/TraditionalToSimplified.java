package cn.govdata.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds traditional Chinese characters (繁体) to simplified ones (简体), one UTF-16 unit for one, so
 * that 人口數據 and 人口数据 index and query alike and token offsets stay exact.
 *
 * <p>The table is OpenCC's character table, converted by {@code tools/t2s-from-opencc.mjs}. A few
 * traditional characters have several simplified readings in context (乾 → 干 or 乾); the table takes
 * OpenCC's default, which is enough for search because documents and queries are folded the same
 * way.
 */
public final class TraditionalToSimplified {

  private static final String TABLE = "t2s-characters.tsv";
  private static final char[] MAPPING = load();

  private TraditionalToSimplified() {}

  /** The simplified form of {@code c}, or {@code c} itself when it has none. */
  public static char fold(char c) {
    return MAPPING[c];
  }

  /** Folds {@code length} characters of {@code buffer} from {@code offset} in place. */
  public static void fold(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      buffer[i] = MAPPING[buffer[i]];
    }
  }

  /** The folded copy of {@code text}. */
  public static String fold(String text) {
    char[] chars = text.toCharArray();
    fold(chars, 0, chars.length);
    return new String(chars);
  }

  /** How many characters the table folds. */
  static int size() {
    int count = 0;
    for (int c = 0; c < MAPPING.length; c++) {
      if (MAPPING[c] != c) {
        count++;
      }
    }
    return count;
  }

  private static char[] load() {
    char[] mapping = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c < mapping.length; c++) {
      mapping[c] = (char) c;
    }
    try (InputStream in = TraditionalToSimplified.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + TABLE + " next to the plugin classes");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.length() != 3 || line.charAt(1) != '\t') {
          throw new IllegalStateException(
              TABLE + " line " + number + ": expected 'traditional<TAB>simplified', got " + line);
        }
        mapping[line.charAt(0)] = line.charAt(2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TABLE, e);
    }
    return mapping;
  }
}
