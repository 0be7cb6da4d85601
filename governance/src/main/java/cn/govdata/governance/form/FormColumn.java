package cn.govdata.governance.form;

import cn.govdata.governance.directory.DirectoryElement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The column layout of the directory form (政务信息资源目录 spreadsheet), written down once: each column's
 * Chinese header as departments know it, its English header, the {@link DirectoryElement} it fills,
 * and whether a form must have it. A reader accepts either header; a writer writes the Chinese one.
 * The order here is the order written.
 */
public enum FormColumn {
  SEQUENCE("序号", "No.", null, false),
  CATEGORY("信息资源分类(类)", "Category", DirectoryElement.CLASSIFICATION, true),
  ITEM_CODE("项代码", "Item code", DirectoryElement.CLASSIFICATION, true),
  ITEM_NAME("项名称", "Item name", DirectoryElement.CLASSIFICATION, true),
  CATALOGUE_CODE("目代码", "Catalogue code", DirectoryElement.CLASSIFICATION, true),
  CATALOGUE_NAME("目名称", "Catalogue name", DirectoryElement.CLASSIFICATION, true),
  SUB_ITEM_CODE("细目代码", "Sub-item code", DirectoryElement.CLASSIFICATION, false),
  SUB_ITEM_NAME("细目名称", "Sub-item name", DirectoryElement.CLASSIFICATION, false),
  NAME("信息资源名称", "Resource name", DirectoryElement.NAME, true),
  CODE("信息资源代码", "Resource code", DirectoryElement.CODE, false),
  PROVIDER("信息资源提供方", "Provider", DirectoryElement.PROVIDER, true),
  PROVIDER_CODE("提供方代码", "Provider credit code", DirectoryElement.PROVIDER_CODE, true),
  REGION("行政区划代码", "Region code", DirectoryElement.REGION, true),
  LEVEL("行政层级", "Administrative level", DirectoryElement.REGION, true),
  SUMMARY("信息资源摘要", "Summary", DirectoryElement.SUMMARY, true),
  FORMAT_FAMILY("信息资源格式(类型)", "Format", DirectoryElement.FORMAT, true),
  FORMAT_DETAIL("信息资源格式(具体格式)", "Format detail", DirectoryElement.FORMAT, false),
  ITEMS("信息项", "Information items", DirectoryElement.ITEMS, true),
  SHARE_TYPE("共享类型", "Share type", DirectoryElement.SHARE, true),
  SHARE_CONDITIONS("共享条件", "Share conditions", DirectoryElement.SHARE, false),
  SHARE_LEGAL_BASIS("不予共享依据", "Legal basis for not sharing", DirectoryElement.SHARE, false),
  SHARE_METHOD("共享方式", "Share method", DirectoryElement.SHARE, false),
  OPEN_TYPE("开放类型", "Open type", DirectoryElement.OPEN, true),
  OPEN_CONDITIONS("开放条件", "Open conditions", DirectoryElement.OPEN, false),
  UPDATE_CYCLE("更新周期", "Update cycle", DirectoryElement.UPDATE_CYCLE, true),
  PUBLISH_DATE("发布日期", "Publish date", DirectoryElement.PUBLISH_DATE, false),
  RELATED_CODES("关联资源代码", "Related resource codes", DirectoryElement.RELATED, false),
  KEYWORDS("关键字", "Keywords", DirectoryElement.KEYWORDS, false),
  DATA_CATEGORY("数据分类", "Data category", DirectoryElement.GRADE, true),
  SENSITIVITY_LEVEL("敏感级别", "Sensitivity level", DirectoryElement.GRADE, true),
  STATUS("状态", "Status", null, false),
  BATCH("开放批次", "Open batch", null, false),
  PLANNED_DATE("计划开放日期", "Planned open date", null, false),
  ACTUAL_DATE("实际开放日期", "Actual open date", null, false);

  /** Separates the entries of list cells: information items, related codes, keywords. */
  public static final String LIST_SEPARATOR = ";";

  private final String chinese;
  private final String english;
  private final DirectoryElement element;
  private final boolean required;

  FormColumn(String chinese, String english, DirectoryElement element, boolean required) {
    this.chinese = chinese;
    this.english = english;
    this.element = element;
    this.required = required;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }

  /** The directory element the column fills; {@code null} for bookkeeping columns. */
  public DirectoryElement element() {
    return element;
  }

  /** Whether a form to import must have this header. */
  public boolean required() {
    return required;
  }

  /** How violations name the column: {@code 共享类型 (Share type)}. */
  public String label() {
    return chinese + " (" + english + ")";
  }

  /** The columns written for a list of this kind, in order. */
  public static List<FormColumn> of(ListKind kind) {
    return switch (kind) {
      case DIRECTORY -> allExcept(EnumSet.of(STATUS, PLANNED_DATE, ACTUAL_DATE));
      case SHARED_LIST ->
          allExcept(
              EnumSet.of(
                  STATUS,
                  PLANNED_DATE,
                  ACTUAL_DATE,
                  SHARE_LEGAL_BASIS,
                  OPEN_TYPE,
                  OPEN_CONDITIONS,
                  BATCH));
      // The public sees neither the classification codes nor the sharing between departments.
      case OPEN_LIST ->
          allExcept(
              EnumSet.of(
                  STATUS,
                  CATEGORY,
                  ITEM_CODE,
                  ITEM_NAME,
                  CATALOGUE_CODE,
                  CATALOGUE_NAME,
                  SUB_ITEM_CODE,
                  SUB_ITEM_NAME,
                  SHARE_TYPE,
                  SHARE_CONDITIONS,
                  SHARE_LEGAL_BASIS,
                  SHARE_METHOD,
                  RELATED_CODES,
                  DATA_CATEGORY,
                  SENSITIVITY_LEVEL));
    };
  }

  private static List<FormColumn> allExcept(Set<FormColumn> excluded) {
    return Arrays.stream(values()).filter(column -> !excluded.contains(column)).toList();
  }

  /**
   * The column a header names, by its Chinese or English text; full-width parentheses, spaces and a
   * trailing required-mark {@code *} are tolerated because hand-made templates have them.
   */
  public static Optional<FormColumn> forHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String wanted = normalise(header);
    for (FormColumn column : values()) {
      if (normalise(column.chinese).equals(wanted) || normalise(column.english).equals(wanted)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  private static String normalise(String header) {
    return header
        .replace('\uFEFF', ' ')
        .replace('（', '(')
        .replace('）', ')')
        .replace("*", "")
        .replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }
}
