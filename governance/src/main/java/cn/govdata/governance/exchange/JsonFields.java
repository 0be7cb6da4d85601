package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads from a JSON object produced by {@link CanonicalJson#readObject}; a missing field or a
 * value of the wrong type is an {@link InvalidFieldException} naming the field.
 */
final class JsonFields {

  private final Map<String, Object> object;
  private final String path;

  private JsonFields(Map<String, Object> object, String path) {
    this.object = object;
    this.path = path;
  }

  static JsonFields of(Map<String, Object> object) {
    return new JsonFields(object, "");
  }

  String string(String field) {
    return required(field, String.class);
  }

  String optionalString(String field) {
    Object value = object.get(field);
    return value == null ? null : required(field, String.class);
  }

  long longValue(String field) {
    return required(field, Long.class);
  }

  Long optionalLong(String field) {
    Object value = object.get(field);
    return value == null ? null : required(field, Long.class);
  }

  Instant instant(String field) {
    String text = string(field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          name(field), "json.instant", name(field) + " must be an ISO-8601 instant, got " + text);
    }
  }

  JsonFields object(String field) {
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = required(field, Map.class);
    return new JsonFields(nested, name(field) + ".");
  }

  Map<String, Object> rawObject(String field) {
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = required(field, Map.class);
    return nested;
  }

  List<String> strings(String field) {
    List<?> list = required(field, List.class);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw typeError(field + "[" + i + "]", "a string");
      }
      result.add(s);
    }
    return result;
  }

  <T> List<T> objects(String field, Function<JsonFields, T> reader) {
    List<?> list = required(field, List.class);
    List<T> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw typeError(field + "[" + i + "]", "an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> element = (Map<String, Object>) map;
      try {
        result.add(reader.apply(new JsonFields(element, name(field) + "[" + i + "].")));
      } catch (InvalidFieldException e) {
        throw e.violations().get(0).field().startsWith(name(field) + "[")
            ? e
            : e.under(name(field) + "[" + i + "]");
      }
    }
    return result;
  }

  private <T> T required(String field, Class<T> type) {
    Object value = object.get(field);
    if (value == null) {
      throw new InvalidFieldException(name(field), "required", name(field) + " is required");
    }
    if (!type.isInstance(value)) {
      throw typeError(field, "a " + type.getSimpleName().toLowerCase(Locale.ROOT));
    }
    return type.cast(value);
  }

  private InvalidFieldException typeError(String field, String expected) {
    return new InvalidFieldException(
        name(field), "json.type", name(field) + " must be " + expected);
  }

  private String name(String field) {
    return path + field;
  }
}
