package cn.govdata.governance.form;

import static cn.govdata.governance.form.FormColumn.BATCH;
import static cn.govdata.governance.form.FormColumn.CATALOGUE_CODE;
import static cn.govdata.governance.form.FormColumn.CATALOGUE_NAME;
import static cn.govdata.governance.form.FormColumn.CATEGORY;
import static cn.govdata.governance.form.FormColumn.CODE;
import static cn.govdata.governance.form.FormColumn.DATA_CATEGORY;
import static cn.govdata.governance.form.FormColumn.FORMAT_DETAIL;
import static cn.govdata.governance.form.FormColumn.FORMAT_FAMILY;
import static cn.govdata.governance.form.FormColumn.ITEMS;
import static cn.govdata.governance.form.FormColumn.ITEM_CODE;
import static cn.govdata.governance.form.FormColumn.ITEM_NAME;
import static cn.govdata.governance.form.FormColumn.KEYWORDS;
import static cn.govdata.governance.form.FormColumn.LEVEL;
import static cn.govdata.governance.form.FormColumn.NAME;
import static cn.govdata.governance.form.FormColumn.OPEN_CONDITIONS;
import static cn.govdata.governance.form.FormColumn.OPEN_TYPE;
import static cn.govdata.governance.form.FormColumn.PROVIDER;
import static cn.govdata.governance.form.FormColumn.PROVIDER_CODE;
import static cn.govdata.governance.form.FormColumn.PUBLISH_DATE;
import static cn.govdata.governance.form.FormColumn.REGION;
import static cn.govdata.governance.form.FormColumn.RELATED_CODES;
import static cn.govdata.governance.form.FormColumn.SENSITIVITY_LEVEL;
import static cn.govdata.governance.form.FormColumn.SHARE_CONDITIONS;
import static cn.govdata.governance.form.FormColumn.SHARE_LEGAL_BASIS;
import static cn.govdata.governance.form.FormColumn.SHARE_METHOD;
import static cn.govdata.governance.form.FormColumn.SHARE_TYPE;
import static cn.govdata.governance.form.FormColumn.STATUS;
import static cn.govdata.governance.form.FormColumn.SUB_ITEM_CODE;
import static cn.govdata.governance.form.FormColumn.SUB_ITEM_NAME;
import static cn.govdata.governance.form.FormColumn.SUMMARY;
import static cn.govdata.governance.form.FormColumn.UPDATE_CYCLE;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one row's cells into a {@link FormRow}. Each part of the entry is built on its own so that
 * a row reports every broken rule at once, each on the column that holds the wrong value.
 */
final class RowParser {

  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("uuuu/M/d"),
          DateTimeFormatter.ofPattern("uuuu.M.d"),
          DateTimeFormatter.ofPattern("uuuu年M月d日"),
          DateTimeFormatter.ofPattern("uuuuMMdd"));

  /** List cells (related codes, keywords) accept the separators people type. */
  private static final String LIST_SPLIT = "[;；,，、\\n]";

  /** The parts of an entry that are built from their own columns before the entry is. */
  private static final Set<String> PARTS =
      Set.of("classification", "provider", "format", "share", "open", "grade");

  private final DirectoryRules rules;

  /**
   * @param rules the checks that need reference data, or {@code null} to check the entry alone
   */
  RowParser(DirectoryRules rules) {
    this.rules = rules;
  }

  FormRow parse(int rowNumber, Map<FormColumn, String> cells) {
    return new Row(cells).parse(rowNumber);
  }

  private final class Row {
    private final Map<FormColumn, String> cells;
    private final List<FieldViolation> violations = new ArrayList<>();
    private final Set<FormColumn> broken = EnumSet.noneOf(FormColumn.class);

    Row(Map<FormColumn, String> cells) {
      this.cells = cells;
    }

    FormRow parse(int rowNumber) {
      Classification classification =
          build(
              () ->
                  new Classification(
                      category(),
                      required(ITEM_CODE),
                      required(ITEM_NAME),
                      required(CATALOGUE_CODE),
                      required(CATALOGUE_NAME),
                      text(SUB_ITEM_CODE),
                      text(SUB_ITEM_NAME)),
              Map.of(
                  "category", CATEGORY,
                  "itemCode", ITEM_CODE,
                  "itemName", ITEM_NAME,
                  "catalogueCode", CATALOGUE_CODE,
                  "catalogueName", CATALOGUE_NAME,
                  "subItemCode", SUB_ITEM_CODE,
                  "subItemName", SUB_ITEM_NAME),
              CATEGORY);
      String name = required(NAME);
      ResourceCode code = cell(CODE, text -> ResourceCode.parse(text, CODE.label()));
      ProviderDepartment provider =
          build(
              () ->
                  new ProviderDepartment(
                      required(PROVIDER),
                      required(PROVIDER_CODE),
                      required(REGION),
                      labelled(AdministrativeLevel.class, LEVEL)),
              Map.of(
                  "name", PROVIDER,
                  "creditCode", PROVIDER_CODE,
                  "regionCode", REGION,
                  "level", LEVEL),
              PROVIDER);
      String summary = required(SUMMARY);
      ResourceFormat format =
          build(
              () ->
                  new ResourceFormat(
                      labelled(FormatFamily.class, FORMAT_FAMILY), text(FORMAT_DETAIL)),
              Map.of("family", FORMAT_FAMILY, "detail", FORMAT_DETAIL),
              FORMAT_FAMILY);
      List<InformationItem> items = items();
      ShareAttribute share =
          build(
              () ->
                  new ShareAttribute(
                      labelled(ShareType.class, SHARE_TYPE),
                      text(SHARE_CONDITIONS),
                      text(SHARE_LEGAL_BASIS),
                      optionalLabelled(ShareMethod.class, SHARE_METHOD)),
              Map.of(
                  "type", SHARE_TYPE,
                  "conditions", SHARE_CONDITIONS,
                  "legalBasis", SHARE_LEGAL_BASIS,
                  "method", SHARE_METHOD),
              SHARE_TYPE);
      OpenType openType = labelled(OpenType.class, OPEN_TYPE);
      OpenAttribute open =
          build(
              () -> new OpenAttribute(openType, text(OPEN_CONDITIONS)),
              Map.of("type", OPEN_TYPE, "conditions", OPEN_CONDITIONS),
              OPEN_TYPE);
      UpdateCycle updateCycle = labelled(UpdateCycle.class, UPDATE_CYCLE);
      LocalDate publishDate = cell(PUBLISH_DATE, text -> date(text, PUBLISH_DATE));
      List<ResourceCode> related =
          list(RELATED_CODES).stream()
              .map(
                  text ->
                      parse(RELATED_CODES, text, t -> ResourceCode.parse(t, RELATED_CODES.label())))
              .filter(c -> c != null)
              .toList();
      List<String> keywords = list(KEYWORDS);
      DataGrade grade =
          build(
              () ->
                  new DataGrade(
                      labelled(DataCategory.class, DATA_CATEGORY),
                      labelled(SensitivityLevel.class, SENSITIVITY_LEVEL)),
              Map.of("category", DATA_CATEGORY, "level", SENSITIVITY_LEVEL),
              DATA_CATEGORY);
      LifecycleStatus status = optionalLabelled(LifecycleStatus.class, STATUS);
      String batch = batch(openType);

      InformationResource resource =
          build(
              () ->
                  new InformationResource(
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
                      publishDate,
                      related,
                      keywords,
                      grade),
              Map.ofEntries(
                  Map.entry("code", CODE),
                  Map.entry("classification", CATEGORY),
                  Map.entry("name", NAME),
                  Map.entry("provider", PROVIDER),
                  Map.entry("summary", SUMMARY),
                  Map.entry("format", FORMAT_FAMILY),
                  Map.entry("items", ITEMS),
                  Map.entry("share", SHARE_TYPE),
                  Map.entry("open", OPEN_TYPE),
                  Map.entry("updateCycle", UPDATE_CYCLE),
                  Map.entry("publishDate", PUBLISH_DATE),
                  Map.entry("relatedCodes", RELATED_CODES),
                  Map.entry("keywords", KEYWORDS),
                  Map.entry("grade", DATA_CATEGORY)),
              NAME);
      if (rules != null && provider != null) {
        for (FieldViolation v : rules.check(provider)) {
          add(
              switch (v.field()) {
                case "creditCode" -> PROVIDER_CODE;
                case "regionCode" -> REGION;
                default -> LEVEL;
              },
              v.rule(),
              v.message());
        }
      }
      String statusName = status == null ? null : status.name();
      return violations.isEmpty()
          ? new FormRow(rowNumber, resource, statusName, batch, List.of())
          : new FormRow(rowNumber, null, statusName, batch, violations);
    }

    private ResourceCategory category() {
      String text = required(CATEGORY);
      if (text == null) {
        return null;
      }
      if (text.matches("[123]")) {
        return ResourceCategory.ofDigit(text);
      }
      // 基础 / 主题 / 部门 are how the kinds are usually abbreviated in forms.
      for (ResourceCategory category : ResourceCategory.values()) {
        if (text.length() >= 2 && category.chinese().startsWith(text)) {
          return category;
        }
      }
      return cell(CATEGORY, t -> Labelled.parse(ResourceCategory.class, t, CATEGORY.label()));
    }

    private List<InformationItem> items() {
      String text = required(ITEMS);
      return text == null ? List.of() : cell(ITEMS, t -> ItemsCell.parse(t, ITEMS.label()));
    }

    private String batch(OpenType openType) {
      String batch =
          cell(BATCH, t -> Checks.optionalText(t, BATCH.label(), FormRow.MAX_BATCH_LENGTH));
      if (batch != null && openType == OpenType.NOT_OPEN) {
        add(
            BATCH,
            "batch.requires-open",
            BATCH.label() + ": only resources opened to the public belong to an open batch");
      }
      return batch;
    }

    private <T> T build(Supplier<T> part, Map<String, FormColumn> fields, FormColumn fallback) {
      try {
        return part.get();
      } catch (InvalidFieldException e) {
        for (FieldViolation v : e.violations()) {
          FormColumn column = columnOf(v.field(), fields, fallback);
          // A part left null because its own cells failed is already reported there.
          if (v.rule().equals("required") && PARTS.contains(v.field())) {
            continue;
          }
          add(column, v.rule(), v.message());
        }
        return null;
      }
    }

    private FormColumn columnOf(String field, Map<String, FormColumn> fields, FormColumn fallback) {
      String head = field.split("[.\\[]", 2)[0];
      if (field.startsWith("open.")) {
        return OPEN_TYPE;
      }
      return fields.getOrDefault(field, fields.getOrDefault(head, fallback));
    }

    private <E extends Enum<E> & Labelled> E labelled(Class<E> type, FormColumn column) {
      String text = required(column);
      return text == null ? null : cell(column, t -> Labelled.parse(type, t, column.label()));
    }

    private <E extends Enum<E> & Labelled> E optionalLabelled(Class<E> type, FormColumn column) {
      return cell(column, t -> Labelled.parse(type, t, column.label()));
    }

    /** Parses a non-blank cell, reporting its violations on the column; null when blank. */
    private <T> T cell(FormColumn column, Function<String, T> parser) {
      String text = text(column);
      return text == null ? null : parse(column, text, parser);
    }

    /** Parses one value of a column, reporting its violations on the column; null when broken. */
    private <T> T parse(FormColumn column, String text, Function<String, T> parser) {
      try {
        return parser.apply(text);
      } catch (InvalidFieldException e) {
        e.violations().forEach(v -> add(column, v.rule(), v.message()));
        return null;
      }
    }

    private String required(FormColumn column) {
      String text = text(column);
      if (text == null) {
        add(column, "required", column.label() + " is required");
      }
      return text;
    }

    private String text(FormColumn column) {
      String text = cells.get(column);
      return text == null || text.isBlank() ? null : text.strip();
    }

    private List<String> list(FormColumn column) {
      String text = text(column);
      return text == null
          ? List.of()
          : Arrays.stream(text.split(LIST_SPLIT))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList();
    }

    private void add(FormColumn column, String rule, String message) {
      String labelled =
          message.startsWith(column.label()) ? message : column.label() + ": " + message;
      if (broken.contains(column) && rule.equals("required")) {
        return;
      }
      broken.add(column);
      violations.add(new FieldViolation(column.label(), rule, labelled));
    }
  }

  static LocalDate date(String text, FormColumn column) {
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return LocalDate.parse(text.strip(), format);
      } catch (DateTimeParseException e) {
        // try the next way of writing a date
      }
    }
    throw new InvalidFieldException(
        column.label(),
        "date.format",
        column.label() + " must be a date such as 2026-01-15, got '" + text.strip() + "'");
  }
}
