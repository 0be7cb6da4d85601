package cn.govdata.governance.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masking functions behind {@link MaskType}: plain Java, used by the SQL gateway as Spark
 * functions and by downloads, so a value is masked the same way whichever way it leaves. Every
 * function maps {@code null} to {@code null} and works on code points, so Chinese text is never
 * split inside a character.
 */
public final class Masks {

  /** What hides the masked part of a value. */
  public static final char MASK_CHARACTER = '*';

  /** What replaces the street part of an address, whatever its length, so the length leaks not. */
  static final String ADDRESS_REST = "****";

  /** Two-character surnames (复姓) that keep both characters. */
  private static final Set<String> COMPOUND_SURNAMES =
      Set.of(
          "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "轩辕",
          "端木", "西门", "南宫", "独孤", "百里");

  /**
   * Province (省, 自治区, 特别行政区), city (市, 自治州, 地区, 盟) and district (区, 县, 旗, county-level 市), each
   * optional; the district may not swallow a street name because its name cannot contain a level
   * word.
   */
  private static final Pattern ADDRESS_PREFIX =
      Pattern.compile(
          "^((?:[^省市区县旗]{2,7}?(?:省|自治区|特别行政区))?"
              + "(?:[^省市区县旗]{1,9}?(?:自治州|地区|盟|市))?"
              + "(?:[^省市区县旗]{1,9}?(?:区|县|旗|市))?)");

  private Masks() {}

  /** Applies {@code type} to {@code value}. */
  public static String apply(MaskType type, String value) {
    return switch (type) {
      case MASK -> redact(value);
      case MASK_SHOW_LAST_4 -> showLast4(value);
      case MASK_HASH -> hash(value);
      case MASK_NULL -> null;
      case MASK_NONE -> value;
      case MASK_ID_NUMBER -> identityNumber(value);
      case MASK_MOBILE -> mobile(value);
      case MASK_PERSON_NAME -> personName(value);
      case MASK_ADDRESS -> address(value);
    };
  }

  /** Ranger's MASK: upper case to X, lower case to x, digits to 0, any other letter to '*'. */
  public static String redact(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder masked = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              if (c < 128 && Character.isUpperCase(c)) {
                masked.append('X');
              } else if (c < 128 && Character.isLowerCase(c)) {
                masked.append('x');
              } else if (Character.isDigit(c)) {
                masked.append('0');
              } else if (Character.isLetter(c)) {
                masked.append(MASK_CHARACTER);
              } else {
                masked.appendCodePoint(c);
              }
            });
    return masked.toString();
  }

  /** Ranger's MASK_SHOW_LAST_4: every character but the last four becomes x. */
  public static String showLast4(String value) {
    if (value == null) {
      return null;
    }
    int[] points = value.codePoints().toArray();
    StringBuilder masked = new StringBuilder(value.length());
    for (int i = 0; i < points.length; i++) {
      if (i < points.length - 4) {
        masked.append('x');
      } else {
        masked.appendCodePoint(points[i]);
      }
    }
    return masked.toString();
  }

  /** Ranger's MASK_HASH: the SHA-256 of the UTF-8 bytes, lower-case hex. */
  public static String hash(String value) {
    if (value == null) {
      return null;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * 身份证号码: keeps the first 6 (the region) and the last 4 characters, {@code 440106********1234}.
   * Shorter values than 11 characters are hidden entirely: keeping 10 of them would show nearly
   * all.
   */
  public static String identityNumber(String value) {
    return keepEnds(value, 6, 4);
  }

  /** 手机号码: keeps the first 3 and the last 4 digits, {@code 138****5678}. */
  public static String mobile(String value) {
    return keepEnds(value, 3, 4);
  }

  /**
   * 姓名: keeps the surname (one character, or two for the compound surnames such as 欧阳) and hides
   * every other character, {@code 张*}, {@code 欧阳**}. A one-character value is hidden entirely.
   */
  public static String personName(String value) {
    if (value == null) {
      return null;
    }
    String name = value.strip();
    int length = name.codePointCount(0, name.length());
    if (length <= 1) {
      return String.valueOf(MASK_CHARACTER).repeat(length);
    }
    int surname = length > 2 && COMPOUND_SURNAMES.contains(prefix(name, 2)) ? 2 : 1;
    return prefix(name, surname) + String.valueOf(MASK_CHARACTER).repeat(length - surname);
  }

  /**
   * Whether {@code text} is one of the two-character surnames (复姓) that a name mask keeps whole.
   */
  public static boolean isCompoundSurname(String text) {
    return COMPOUND_SURNAMES.contains(text);
  }

  /**
   * 地址: keeps province, city and district (省/市/区县) and replaces the rest with {@value
   * #ADDRESS_REST}, {@code 广东省佛山市南海区****}. An address without a recognisable division is hidden
   * entirely.
   */
  public static String address(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    Matcher prefix = ADDRESS_PREFIX.matcher(text);
    String kept = prefix.find() ? prefix.group(1) : "";
    return kept + ADDRESS_REST;
  }

  private static String keepEnds(String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    int[] points = value.strip().codePoints().toArray();
    StringBuilder masked = new StringBuilder(points.length);
    boolean tooShort = points.length <= head + tail;
    for (int i = 0; i < points.length; i++) {
      if (!tooShort && (i < head || i >= points.length - tail)) {
        masked.appendCodePoint(points[i]);
      } else {
        masked.append(MASK_CHARACTER);
      }
    }
    return masked.toString();
  }

  private static String prefix(String text, int codePoints) {
    return text.substring(0, text.offsetByCodePoints(0, codePoints));
  }
}
