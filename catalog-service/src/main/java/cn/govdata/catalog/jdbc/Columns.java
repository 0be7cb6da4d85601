package cn.govdata.catalog.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How the repositories store what has no column type of its own in both H2 and PostgreSQL: instants
 * as {@code TIMESTAMP WITH TIME ZONE} in UTC, lists of strings as JSON text.
 */
public final class Columns {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private Columns() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** The instant in {@code column}, {@code null} when the column is. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static String writeList(ObjectMapper json, List<String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  /** The list stored as JSON text; empty for {@code null}. */
  public static List<String> readList(ObjectMapper json, String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return json.readValue(text, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored list is not JSON: " + text, e);
    }
  }
}
