package cn.govdata.governance.directory;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 信息资源: one entry of the government data resource directory, with the core metadata of
 * 政务信息资源目录编制指南(试行) and GB/T 21063.3, plus keywords and the data grade.
 *
 * <p>The record checks every rule that concerns the entry alone and reports all broken rules at
 * once; checks that need reference data (code check characters, the region list) are done by {@link
 * DirectoryRules}.
 *
 * @param code 信息资源代码; {@code null} until the directory service assigns one
 * @param classification 信息资源分类
 * @param name 信息资源名称
 * @param provider 信息资源提供方 and 提供方代码
 * @param summary 信息资源摘要
 * @param format 信息资源格式
 * @param items 信息项信息, at least one, names unique
 * @param share 共享属性
 * @param open 开放属性
 * @param updateCycle 更新周期
 * @param publishDate 发布日期, set when the entry is published
 * @param relatedCodes 关联资源代码
 * @param keywords 关键字
 * @param grade 数据分级
 */
public record InformationResource(
    ResourceCode code,
    Classification classification,
    String name,
    ProviderDepartment provider,
    String summary,
    ResourceFormat format,
    List<InformationItem> items,
    ShareAttribute share,
    OpenAttribute open,
    UpdateCycle updateCycle,
    LocalDate publishDate,
    List<ResourceCode> relatedCodes,
    List<String> keywords,
    DataGrade grade) {

  public static final int MAX_ITEMS = 500;
  public static final int MAX_KEYWORDS = 20;

  public InformationResource {
    List<FieldViolation> violations = new ArrayList<>();
    name = requiredText(violations, name, "name", 200);
    summary = requiredText(violations, summary, "summary", 2000);
    require(violations, classification, "classification");
    require(violations, provider, "provider");
    require(violations, format, "format");
    require(violations, share, "share");
    require(violations, open, "open");
    require(violations, updateCycle, "updateCycle");
    require(violations, grade, "grade");
    items = Checks.copyOf(items, "items");
    relatedCodes = Checks.copyOf(relatedCodes, "relatedCodes");
    keywords = normaliseKeywords(keywords, violations);

    if (items.isEmpty()) {
      violations.add(
          new FieldViolation(
              "items", "items.required", "a resource needs at least one information item (信息项)"));
    } else if (items.size() > MAX_ITEMS) {
      violations.add(
          new FieldViolation(
              "items", "items.max", "a resource has at most " + MAX_ITEMS + " information items"));
    }
    Set<String> itemNames = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (!itemNames.add(items.get(i).name())) {
        violations.add(
            new FieldViolation(
                "items[" + i + "].name",
                "items.unique-name",
                "information item name '" + items.get(i).name() + "' appears more than once"));
      }
    }
    if (code != null
        && classification != null
        && !code.front().equals(classification.frontCode())) {
      violations.add(
          new FieldViolation(
              "code",
              "resource-code.matches-classification",
              "resource code "
                  + code
                  + " does not start with the classification codes "
                  + classification.frontCode()));
    }
    if (code != null && relatedCodes.contains(code)) {
      violations.add(
          new FieldViolation(
              "relatedCodes", "related.not-self", "a resource cannot be related to itself"));
    }
    if (share != null && open != null && grade != null) {
      checkOpenness(share, open, grade, items, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
  }

  /** The same entry with its code assigned. */
  public InformationResource withCode(ResourceCode newCode) {
    return new InformationResource(
        newCode,
        classification,
        name,
        provider,
        summary,
        format,
        items,
        share,
        open,
        updateCycle,
        publishDate,
        relatedCodes,
        keywords,
        grade);
  }

  /** The same entry with its publish date set. */
  public InformationResource withPublishDate(LocalDate date) {
    return new InformationResource(
        code,
        classification,
        name,
        provider,
        summary,
        format,
        items,
        share,
        open,
        updateCycle,
        date,
        relatedCodes,
        keywords,
        grade);
  }

  /** Whether the entry belongs on the shared list (共享清单) once published. */
  public boolean isShared() {
    return share.type() != ShareType.NOT_SHARED;
  }

  /** Whether the entry belongs on the open list (开放清单) once published. */
  public boolean isOpen() {
    return open.type() != OpenType.NOT_OPEN;
  }

  private static void checkOpenness(
      ShareAttribute share,
      OpenAttribute open,
      DataGrade grade,
      List<InformationItem> items,
      List<FieldViolation> violations) {
    if (open.type() == OpenType.NOT_OPEN) {
      return;
    }
    if (share.type() == ShareType.NOT_SHARED) {
      violations.add(
          new FieldViolation(
              "open.type",
              "open.not-if-not-shared",
              "a resource that is 不予共享 cannot be opened to the public"));
    }
    if (!grade.mayBeOpened()) {
      violations.add(
          new FieldViolation(
              "open.type",
              "open.grade",
              "core data and L4 data are never opened; grade is "
                  + grade.category()
                  + "/"
                  + grade.level()));
    } else if (open.type() == OpenType.UNCONDITIONAL && !grade.mayBeOpenedUnconditionally()) {
      violations.add(
          new FieldViolation(
              "open.type",
              "open.unconditional-grade",
              "无条件开放 needs general data at L1; grade is "
                  + grade.category()
                  + "/"
                  + grade.level()));
    }
    if (open.type() == OpenType.UNCONDITIONAL) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).isPersonal()) {
          violations.add(
              new FieldViolation(
                  "items[" + i + "].sensitivity",
                  "open.no-personal-information",
                  "无条件开放 data cannot carry personal information; item '"
                      + items.get(i).name()
                      + "' is tagged "
                      + items.get(i).sensitivity()));
        }
      }
    }
  }

  private static List<String> normaliseKeywords(
      List<String> keywords, List<FieldViolation> violations) {
    if (keywords == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (String keyword : keywords) {
      if (keyword != null && !keyword.isBlank() && !result.contains(keyword.strip())) {
        if (keyword.strip().length() > 50) {
          violations.add(
              new FieldViolation(
                  "keywords", "max-length", "each keyword must be at most 50 characters"));
        }
        result.add(keyword.strip());
      }
    }
    if (result.size() > MAX_KEYWORDS) {
      violations.add(
          new FieldViolation("keywords", "keywords.max", "at most " + MAX_KEYWORDS + " keywords"));
    }
    return List.copyOf(result);
  }

  private static void require(List<FieldViolation> violations, Object value, String field) {
    if (value == null) {
      violations.add(new FieldViolation(field, "required", field + " is required"));
    }
  }

  private static String requiredText(
      List<FieldViolation> violations, String value, String field, int maxLength) {
    try {
      return Checks.requiredText(value, field, maxLength);
    } catch (InvalidFieldException e) {
      violations.addAll(e.violations());
      return null;
    }
  }
}
