package cn.govdata.pipelines.cleanse;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.directory.AdministrativeLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The current GB/T 2260 divisions (行政区划) addresses are parsed into, read from governance's national
 * list ({@link Gb2260Regions}), with the short names people write (佛山 for 佛山市, 南海 for 南海区) and
 * indexes by level so that parsing an address does not scan three thousand divisions.
 */
public final class Divisions {

  /**
   * One division with its province, city and county names (empty below its own level; a county
   * directly under its province, like Beijing's districts or 仙桃市, has no city).
   */
  public record Division(String code, String province, String city, String county) {

    public String fullName() {
      return province + city + county;
    }

    public boolean isCounty() {
      return !county.isEmpty();
    }

    public boolean isCity() {
      return !city.isEmpty() && county.isEmpty();
    }

    public boolean isProvince() {
      return city.isEmpty() && county.isEmpty();
    }

    /** The code's province part: 44 for 440605. */
    String provincePrefix() {
      return code.substring(0, 2);
    }

    /** The code's city part: 4406 for 440605. */
    String cityPrefix() {
      return code.substring(0, 4);
    }
  }

  private static final List<Division> ALL = load();
  private static final Map<String, Division> BY_CODE = byCode();
  private static final List<Division> PROVINCES =
      ALL.stream().filter(Division::isProvince).toList();
  private static final List<Division> CITIES = ALL.stream().filter(Division::isCity).toList();
  private static final Map<String, List<Division>> COUNTIES_BY_NAME =
      group(ALL.stream().filter(Division::isCounty).toList(), Division::county);
  private static final Map<String, List<Division>> CITIES_BY_PROVINCE =
      group(CITIES, Division::provincePrefix);
  private static final Map<String, List<Division>> COUNTIES_BY_CITY =
      group(
          ALL.stream().filter(d -> d.isCounty() && !d.city().isEmpty()).toList(),
          Division::cityPrefix);
  private static final Map<String, List<Division>> COUNTIES_BY_PROVINCE =
      group(ALL.stream().filter(Division::isCounty).toList(), Division::provincePrefix);

  private Divisions() {}

  /** Every current division in code order. */
  public static List<Division> all() {
    return ALL;
  }

  public static Optional<Division> find(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }

  public static List<Division> provinces() {
    return PROVINCES;
  }

  /** The cities of a province, or every city when {@code province} is null. */
  public static List<Division> cities(Division province) {
    return province == null
        ? CITIES
        : CITIES_BY_PROVINCE.getOrDefault(province.provincePrefix(), List.of());
  }

  /** The counties of a city, or those of a province (at any depth). */
  public static List<Division> counties(Division parent) {
    return parent.isCity()
        ? COUNTIES_BY_CITY.getOrDefault(parent.cityPrefix(), List.of())
        : COUNTIES_BY_PROVINCE.getOrDefault(parent.provincePrefix(), List.of());
  }

  /** The counties with this full name anywhere (names repeat: 朝阳区 is in 北京 and 长春). */
  public static List<Division> countiesNamed(String name) {
    return COUNTIES_BY_NAME.getOrDefault(name, List.of());
  }

  /** The name without its level suffix, as people abbreviate it: 佛山市 → 佛山, 广西壮族自治区 → 广西. */
  static String shortName(String name) {
    return Gb2260Regions.shortName(name).orElse(name);
  }

  private static List<Division> load() {
    Gb2260Regions regions = Gb2260Regions.national();
    List<Division> divisions = new ArrayList<>();
    for (Region region : regions.all()) {
      if (!region.isCurrent()) {
        continue;
      }
      String province = "";
      String city = "";
      String county = "";
      for (Region level : regions.path(region.code())) {
        AdministrativeLevel kind = level.level();
        if (kind == AdministrativeLevel.PROVINCE) {
          province = level.name();
        } else if (kind == AdministrativeLevel.CITY) {
          city = level.name();
        } else {
          county = level.name();
        }
      }
      divisions.add(new Division(region.code(), province, city, county));
    }
    return List.copyOf(divisions);
  }

  private static Map<String, Division> byCode() {
    Map<String, Division> codes = new LinkedHashMap<>();
    ALL.forEach(d -> codes.put(d.code(), d));
    return Map.copyOf(codes);
  }

  private static Map<String, List<Division>> group(
      List<Division> divisions, Function<Division, String> key) {
    Map<String, List<Division>> groups = new HashMap<>();
    for (Division division : divisions) {
      groups.computeIfAbsent(key.apply(division), k -> new ArrayList<>()).add(division);
    }
    Map<String, List<Division>> copy = new HashMap<>();
    groups.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return Map.copyOf(copy);
  }
}
