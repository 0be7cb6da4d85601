package cn.govdata.governance.directory;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 信息资源代码: the front part (the classification codes 类 项 目 细目) and a sequence number, separated by
 * "/", e.g. {@code 101001/000042}. The sequence is unique within a front part and is written with
 * at least six digits.
 *
 * @param front the classification codes, 6 to 18 digits starting with 1, 2 or 3
 * @param sequence the sequence number within the front part, from 1
 */
public record ResourceCode(String front, long sequence) {

  private static final Pattern FRONT = Pattern.compile("[123]\\d{5,17}");
  private static final Pattern TEXT = Pattern.compile("([123]\\d{5,17})/(\\d{1,12})");

  public ResourceCode {
    if (front == null || !FRONT.matcher(front).matches()) {
      throw new InvalidFieldException(
          "code",
          "resource-code.front",
          "resource code front part must be 6 to 18 digits starting with 1, 2 or 3, got '"
              + front
              + "'");
    }
    if (sequence < 1) {
      throw new InvalidFieldException(
          "code", "resource-code.sequence", "resource code sequence must be at least 1");
    }
  }

  public static ResourceCode of(Classification classification, long sequence) {
    return new ResourceCode(classification.frontCode(), sequence);
  }

  /** Reads {@code front/sequence}. */
  public static ResourceCode parse(String text, String field) {
    Matcher m = text == null ? null : TEXT.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new InvalidFieldException(
          field,
          "resource-code.format",
          field
              + " must look like 101001/000001 (classification digits, '/', sequence), got '"
              + text
              + "'");
    }
    return new ResourceCode(m.group(1), Long.parseLong(m.group(2)));
  }

  public ResourceCategory category() {
    return ResourceCategory.ofDigit(front.substring(0, 1));
  }

  @Override
  public String toString() {
    return front + "/" + String.format("%06d", sequence);
  }
}
