package cn.govdata.pipelines.link;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** String similarities the comparisons are built from. */
public final class Similarity {

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
  private static final ConcurrentMap<Character, String> PINYIN = new ConcurrentHashMap<>();

  static {
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
  }

  private Similarity() {}

  /** Jaro-Winkler similarity in [0, 1], prefix scale 0.1 over at most four characters. */
  public static double jaroWinkler(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int range = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] matchedA = new boolean[a.length()];
    boolean[] matchedB = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - range);
      int to = Math.min(b.length() - 1, i + range);
      for (int j = from; j <= to; j++) {
        if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
          matchedA[i] = true;
          matchedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transpositions = 0;
    for (int i = 0, j = 0; i < a.length(); i++) {
      if (matchedA[i]) {
        while (!matchedB[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < Math.min(4, Math.min(a.length(), b.length()))
        && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1.0 - jaro);
  }

  /** Levenshtein edit distance (insertions, deletions, substitutions). */
  public static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * Toneless pinyin with syllables separated by spaces (丽华 → "li hua"); characters without a
   * reading are kept as they are, so Latin names pass through lower-cased.
   */
  public static String pinyin(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() * 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String syllable = PINYIN.computeIfAbsent(c, Similarity::readingOf);
      if (syllable.length() > 1 && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      out.append(syllable);
      if (syllable.length() > 1) {
        out.append(' ');
      }
    }
    return out.toString().strip();
  }

  private static String readingOf(char c) {
    try {
      String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      return readings == null || readings.length == 0
          ? String.valueOf(Character.toLowerCase(c))
          : readings[0].replace("u:", "v");
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
  }
}
