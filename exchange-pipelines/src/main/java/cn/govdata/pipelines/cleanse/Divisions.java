package cn.govdata.pipelines.cleanse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GB/T 2260 divisions (行政区划) that addresses are parsed into, with the short names people write
 * (佛山 for 佛山市, 南海 for 南海区).
 */
public final class Divisions {

  /** One division with its province, city and county names (empty below its own level). */
  public record Division(String code, String province, String city, String county) {

    public String fullName() {
      return province + city + county;
    }

    public boolean isCounty() {
      return !county.isEmpty();
    }
  }

  private static final List<Division> ALL = load();

  private Divisions() {}

  public static List<Division> all() {
    return ALL;
  }

  public static Optional<Division> find(String code) {
    return ALL.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public static List<Division> counties(String cityCode) {
    return ALL.stream()
        .filter(d -> d.isCounty() && d.code().startsWith(cityCode.substring(0, 4)))
        .toList();
  }

  /** The name without its level suffix, as people abbreviate it: 佛山市 → 佛山, 广西壮族自治区 → 广西. */
  static String shortName(String name) {
    if (name.endsWith("壮族自治区")) {
      return name.substring(0, name.length() - 5);
    }
    if (name.length() > 2 && (name.endsWith("省") || name.endsWith("市") || name.endsWith("区"))) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  private static List<Division> load() {
    String resource = "/cn/govdata/pipelines/divisions.tsv";
    try (InputStream in = Divisions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Division> divisions = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        divisions.add(new Division(cells[0], cells[1], cells[2], cells[3]));
      }
      return List.copyOf(divisions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
