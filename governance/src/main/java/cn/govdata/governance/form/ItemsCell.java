package cn.govdata.governance.form;

import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * The 信息项 cell: items separated by {@code ;}, each {@code 名称:类型:长度:敏感标签:描述}, e.g. {@code
 * 公民身份号码:字符型:18:身份证号码;出生日期:日期型::非敏感}. Length, tag and description may be left out. Departments type
 * Chinese punctuation, so {@code ；} and {@code ：} separate too; a separator inside a name or
 * description is written escaped with a backslash.
 */
final class ItemsCell {

  private ItemsCell() {}

  static String format(List<InformationItem> items) {
    List<String> written = new ArrayList<>();
    for (InformationItem item : items) {
      written.add(
          escape(item.name())
              + ":"
              + item.dataType().chinese()
              + ":"
              + (item.length() == null ? "" : item.length())
              + ":"
              + item.sensitivity().chinese()
              + (item.description() == null ? "" : ":" + escape(item.description())));
    }
    return String.join(FormColumn.LIST_SEPARATOR, written);
  }

  /**
   * Reads the cell; every broken item is reported, each message naming the item's position.
   *
   * @throws InvalidFieldException with one violation per broken item part, on {@code field}
   */
  static List<InformationItem> parse(String text, String field) {
    List<InformationItem> items = new ArrayList<>();
    List<FieldViolation> violations = new ArrayList<>();
    List<List<String>> entries = split(text);
    for (int i = 0; i < entries.size(); i++) {
      List<String> parts = entries.get(i);
      if (parts.stream().allMatch(String::isBlank)) {
        continue;
      }
      String where = field + ": item " + (i + 1) + " '" + parts.get(0).strip() + "'";
      if (parts.size() < 2) {
        violations.add(
            new FieldViolation(
                field,
                "items.format",
                where + " needs at least a name and a data type, written 名称:类型:长度:敏感标签"));
        continue;
      }
      try {
        items.add(item(parts, field, where));
      } catch (InvalidFieldException e) {
        e.violations()
            .forEach(
                v ->
                    violations.add(
                        new FieldViolation(field, v.rule(), where + ": " + v.message())));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    return items;
  }

  private static InformationItem item(List<String> parts, String field, String where) {
    List<FieldViolation> violations = new ArrayList<>();
    DataType type = null;
    try {
      type = Labelled.parse(DataType.class, parts.get(1), "data type");
    } catch (InvalidFieldException e) {
      violations.addAll(e.violations());
    }
    Integer length = null;
    String lengthText = part(parts, 2);
    if (lengthText != null) {
      try {
        length = Integer.valueOf(lengthText);
      } catch (NumberFormatException e) {
        violations.add(
            new FieldViolation(
                "length",
                "items.length",
                "length must be a whole number, got '" + lengthText + "'"));
      }
    }
    SensitivityTag tag = null;
    String tagText = part(parts, 3);
    if (tagText != null) {
      try {
        tag = Labelled.parse(SensitivityTag.class, tagText, "sensitivity tag");
      } catch (InvalidFieldException e) {
        violations.addAll(e.violations());
      }
    }
    String description =
        parts.size() > 4 ? String.join(":", parts.subList(4, parts.size())).strip() : null;
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    return new InformationItem(parts.get(0), type, length, description, tag);
  }

  private static String part(List<String> parts, int index) {
    return index < parts.size() && !parts.get(index).isBlank() ? parts.get(index).strip() : null;
  }

  private static List<List<String>> split(String text) {
    List<List<String>> entries = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(text.charAt(++i));
      } else if (c == ':' || c == '：') {
        parts.add(current.toString());
        current.setLength(0);
      } else if (c == ';' || c == '；' || c == '\n') {
        parts.add(current.toString());
        current.setLength(0);
        entries.add(parts);
        parts = new ArrayList<>();
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    entries.add(parts);
    return entries;
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\:;：；\n".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
