package cn.govdata.governance.directory;

import cn.govdata.governance.validation.InvalidFieldException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enumerated directory value with the Chinese term of the standard and an English name. The
 * Chinese term is what departments write in the directory form; the constant name is what the API
 * speaks.
 */
public interface Labelled {

  String name();

  /** The term as the standard writes it, e.g. 有条件共享. */
  String chinese();

  /** The English name shown in the English UI. */
  String english();

  /**
   * Reads a value written as the constant name (any case), the Chinese term or the English name.
   *
   * @throws InvalidFieldException naming {@code field} and listing the accepted values
   */
  static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException(field, "required", field + " is required");
    }
    String wanted = text.strip();
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(wanted)
          || value.chinese().equals(wanted)
          || value.english().equalsIgnoreCase(wanted)) {
        return value;
      }
    }
    String accepted =
        Arrays.stream(type.getEnumConstants())
            .map(v -> v.name() + " (" + v.chinese() + ")")
            .collect(Collectors.joining(", "));
    throw new InvalidFieldException(
        field, "enum", field + " has unknown value '" + wanted + "'; expected one of " + accepted);
  }
}
