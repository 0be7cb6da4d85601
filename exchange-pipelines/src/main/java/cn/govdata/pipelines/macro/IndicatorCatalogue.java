package cn.govdata.pipelines.macro;

import cn.govdata.pipelines.cleanse.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The macroeconomic indicator catalogue: code, name, unit, frequency, source department, whether it
 * is additive, and the other names it goes by. The default ships as {@code macro/indicators.csv}; a
 * pilot zone can pass its own file with the same columns.
 */
public final class IndicatorCatalogue {

  static final String DEFAULT = "/cn/govdata/pipelines/macro/indicators.csv";
  private static final List<String> COLUMNS =
      List.of("code", "name", "unit", "frequency", "source", "additive", "aliases");

  private final List<Indicator> indicators;
  private final Map<String, Indicator> byKey = new HashMap<>();

  // identity on purpose: an indicator may repeat its own key, a second row (even equal) may not
  @SuppressWarnings("ReferenceEquality")
  public IndicatorCatalogue(List<Indicator> indicators) {
    this.indicators = List.copyOf(indicators);
    for (Indicator indicator : this.indicators) {
      List<String> keys = new ArrayList<>(indicator.aliases());
      keys.add(indicator.code());
      keys.add(indicator.name());
      for (String key : keys) {
        Indicator previous = byKey.put(key(key), indicator);
        if (previous != null && previous != indicator) {
          throw new IllegalArgumentException(
              "indicator name '"
                  + key
                  + "' names both "
                  + previous.code()
                  + " and "
                  + indicator.code());
        }
      }
    }
  }

  public static IndicatorCatalogue defaults() {
    try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(DEFAULT)) {
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static IndicatorCatalogue read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IndicatorCatalogue read(Reader reader, String name) throws IOException {
    List<Indicator> indicators = new ArrayList<>();
    var parser =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    if (!parser.getHeaderNames().containsAll(COLUMNS)) {
      throw new IllegalArgumentException(
          name
              + ": the catalogue needs the columns "
              + COLUMNS
              + ", has "
              + parser.getHeaderNames());
    }
    for (CSVRecord row : parser) {
      try {
        indicators.add(
            new Indicator(
                row.get("code"),
                row.get("name"),
                row.get("unit"),
                Frequency.parse(row.get("frequency")),
                row.get("source"),
                Boolean.parseBoolean(row.get("additive")),
                row.get("aliases").isBlank()
                    ? List.of()
                    : Arrays.asList(row.get("aliases").split(";"))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + " line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
      }
    }
    return new IndicatorCatalogue(indicators);
  }

  public List<Indicator> all() {
    return indicators;
  }

  /**
   * The indicator a department's name, alias or code stands for (case, width and brackets aside).
   */
  public Optional<Indicator> find(String name) {
    return Optional.ofNullable(byKey.get(key(name)));
  }

  private static String key(String name) {
    String cleaned = Text.clean(name);
    return cleaned == null
        ? ""
        : cleaned
            .replace(" ", "")
            .replace("(", "")
            .replace(")", "")
            .toUpperCase(java.util.Locale.ROOT);
  }
}
