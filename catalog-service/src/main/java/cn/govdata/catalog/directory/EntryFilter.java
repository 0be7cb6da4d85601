package cn.govdata.catalog.directory;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The filters of the directory listing; every one optional.
 *
 * @param department the providing department's id
 * @param region a GB/T 2260 code; a city or province code includes the divisions below it
 * @param level the provider's administrative level
 * @param updatedSince only entries changed at or after this instant
 * @param openBatch only entries assigned to this open batch
 */
public record EntryFilter(
    Long department,
    String region,
    AdministrativeLevel level,
    ShareType shareType,
    OpenType openType,
    DataCategory gradeCategory,
    SensitivityLevel gradeLevel,
    LifecycleStatus status,
    Instant updatedSince,
    Integer openBatch) {

  public static final EntryFilter NONE =
      new EntryFilter(null, null, null, null, null, null, null, null, null, null);

  public EntryFilter {
    if (region != null && !region.matches("\\d{6}")) {
      throw new InvalidFieldException(
          "region",
          "region.format",
          "region must be a six-digit GB/T 2260 code, got '" + region + "'");
    }
  }

  /** Reads the filters from query parameters, naming the parameter in any error. */
  public static EntryFilter parse(
      Long department,
      String region,
      String level,
      String shareType,
      String openType,
      String gradeCategory,
      String gradeLevel,
      String status,
      String updatedSince,
      Integer openBatch) {
    return new EntryFilter(
        department,
        blankToNull(region),
        optional(AdministrativeLevel.class, level, "level"),
        optional(ShareType.class, shareType, "shareType"),
        optional(OpenType.class, openType, "openType"),
        optional(DataCategory.class, gradeCategory, "gradeCategory"),
        optional(SensitivityLevel.class, gradeLevel, "gradeLevel"),
        optional(LifecycleStatus.class, status, "status"),
        instant(blankToNull(updatedSince)),
        openBatch);
  }

  /** The SQL LIKE pattern of the region filter: a city takes its counties along. */
  String regionPattern() {
    if (region.endsWith("0000")) {
      return region.substring(0, 2) + "%";
    }
    return region.endsWith("00") ? region.substring(0, 4) + "%" : region;
  }

  private static <E extends Enum<E> & Labelled> E optional(
      Class<E> type, String text, String field) {
    return text == null || text.isBlank() ? null : Labelled.parse(type, text, field);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          "updatedSince",
          "format",
          "updatedSince must be a date (2026-01-31) or a date-time with offset"
              + " (2026-01-31T08:00:00+08:00), got '"
              + text
              + "'");
    }
  }
}
