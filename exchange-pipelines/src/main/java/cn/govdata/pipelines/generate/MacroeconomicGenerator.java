package cn.govdata.pipelines.generate;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates the messy macroeconomic extracts of three departments for two cities and their
 * districts (广州 and 佛山), with the truth:
 *
 * <ul>
 *   <li>{@code statistics_bureau.csv} (统计局, GBK): GDP quarterly year-to-date (2024年1-3季度), retail
 *       sales monthly year-to-date with the measure left to the period's form (2024年1-3月),
 *       industrial value added monthly current (2024年3月, 当月), urban disposable income annual in 元;
 *   <li>{@code development_reform.xlsx} (发改): fixed-asset investment monthly year-to-date (2024-03,
 *       本年累计);
 *   <li>{@code finance.csv} (财政): budget revenue monthly current (202403), districts in 元 with
 *       thousands separators; budget expenditure monthly year-to-date (2024M03).
 * </ul>
 *
 * Cities report money in 亿元 (four decimals) or 万元, districts in 万元 or 元, so every conversion is
 * exact. Region and indicator names vary (佛山市南海区, 南海区, 南海; 社零总额), a few values use full-width
 * digits, a few current-period district values are missing (—), a few rows are sent twice. Injected
 * problems: outliers (a value ×3, ×4, ×10, ×0.3 or ×0.25, never in a series' first or last two
 * periods) and cities whose figure is off the districts' sum by 3–10 %.
 *
 * <p>Truth: {@code truth_values.csv} (indicator, region, period, current-period value in the
 * indicator's unit, as published, outliers included) and {@code truth_flags.csv} (kind {@code
 * outlier} or {@code reconciliation}, indicator, region, period). A reconciliation flag is true
 * where a gap was injected or an outlier sits in the city or one of its districts.
 */
public final class MacroeconomicGenerator {

  static final List<String> CITIES = List.of("440100", "440600");
  private static final double OUTLIER_RATE = 0.01;
  private static final double GAP_RATE = 0.03;
  private static final double MISSING_RATE = 0.003;
  private static final double DUPLICATE_RATE = 0.005;
  private static final double[] OUTLIER_FACTORS = {3, 4, 10, 0.3, 0.25};

  /** How one indicator is generated and reported. */
  private record Plan(
      String code,
      List<String> names,
      String file,
      String frequency,
      boolean cumulative,
      String cityUnit,
      String districtUnit,
      long baseLow,
      long baseHigh,
      boolean additive) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan(
              "GDP",
              List.of("地区生产总值", "GDP", "地区生产总值(GDP)"),
              "statistics_bureau",
              "quarterly",
              true,
              "亿元",
              "万元",
              800_000,
              4_000_000,
              true),
          new Plan(
              "RETAIL_SALES",
              List.of("社会消费品零售总额", "社零总额"),
              "statistics_bureau",
              "monthly",
              true,
              "亿元",
              "万元",
              80_000,
              400_000,
              true),
          new Plan(
              "INDUSTRIAL_VALUE_ADDED",
              List.of("规模以上工业增加值", "规上工业增加值"),
              "statistics_bureau",
              "monthly",
              false,
              "万元",
              "万元",
              100_000,
              600_000,
              true),
          new Plan(
              "DISPOSABLE_INCOME",
              List.of("城镇居民人均可支配收入", "城镇常住居民人均可支配收入"),
              "statistics_bureau",
              "annual",
              false,
              "元",
              "元",
              50_000,
              80_000,
              false),
          new Plan(
              "FIXED_ASSET_INVESTMENT",
              List.of("固定资产投资", "固定资产投资额"),
              "development_reform",
              "monthly",
              true,
              "万元",
              "万元",
              50_000,
              300_000,
              true),
          new Plan(
              "BUDGET_REVENUE",
              List.of("一般公共预算收入", "地方一般公共预算收入"),
              "finance",
              "monthly",
              false,
              "万元",
              "元",
              10_000,
              80_000,
              true),
          new Plan(
              "BUDGET_EXPENDITURE",
              List.of("一般公共预算支出", "一般预算支出"),
              "finance",
              "monthly",
              true,
              "万元",
              "万元",
              15_000,
              100_000,
              true));

  private static final Map<String, List<String>> HEADERS =
      Map.of(
          "statistics_bureau", List.of("序号", "指标名称", "地区", "统计时期", "口径", "数值", "计量单位"),
          "development_reform", List.of("序号", "项目指标", "区域", "时间", "统计口径", "金额", "单位"),
          "finance", List.of("序号", "科目", "行政区划", "期间", "口径", "本期数", "单位"));

  /**
   * What was written.
   *
   * @param rows rows per file
   * @param outliers injected outliers
   * @param gaps injected city/district gaps
   */
  public record Summary(Map<String, Integer> rows, int outliers, int gaps) {}

  private final long seed;
  private final int firstYear;
  private final int lastYear;

  public MacroeconomicGenerator(long seed, int firstYear, int lastYear) {
    if (lastYear < firstYear + 1) {
      throw new IllegalArgumentException(
          "need at least two years, got " + firstYear + "–" + lastYear);
    }
    this.seed = seed;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }

  public Summary write(Path directory) {
    SplittableRandom random = new SplittableRandom(seed);
    Gb2260Regions regions = Gb2260Regions.national();
    Map<String, TableWriter> files = new LinkedHashMap<>();
    Map<String, Integer> rows = new TreeMap<>();
    int outliers = 0;
    int gaps = 0;
    files.put(
        "statistics_bureau", open(directory, "statistics_bureau", "csv", Charset.forName("GBK")));
    files.put(
        "development_reform",
        open(directory, "development_reform", "xlsx", StandardCharsets.UTF_8));
    files.put("finance", open(directory, "finance", "csv", StandardCharsets.UTF_8));
    try (TableWriter values =
            TableWriter.open(
                directory.resolve("truth_values.csv"),
                "csv",
                StandardCharsets.UTF_8,
                List.of("indicator_code", "region_code", "period", "value_current"));
        TableWriter flags =
            TableWriter.open(
                directory.resolve("truth_flags.csv"),
                "csv",
                StandardCharsets.UTF_8,
                List.of("kind", "indicator_code", "region_code", "period"))) {
      for (Plan plan : PLANS) {
        int perYear =
            switch (plan.frequency()) {
              case "monthly" -> 12;
              case "quarterly" -> 4;
              default -> 1;
            };
        int periods = perYear * (lastYear - firstYear + 1);
        for (String city : CITIES) {
          List<Region> districts = regions.children(city);
          long[][] districtTrue = new long[districts.size()][];
          long[][] districtPublished = new long[districts.size()][];
          boolean[][] districtOutlier = new boolean[districts.size()][periods];
          for (int d = 0; d < districts.size(); d++) {
            districtTrue[d] = series(random, plan, periods, perYear);
            districtPublished[d] = districtTrue[d].clone();
            outliers += injectOutliers(random, plan, districtPublished[d], districtOutlier[d]);
          }
          long[] cityPublished = new long[periods];
          boolean[] cityOutlier = new boolean[periods];
          boolean[] gap = new boolean[periods];
          long[] cityIndependent = plan.additive() ? null : series(random, plan, periods, perYear);
          for (int t = 0; t < periods; t++) {
            if (plan.additive()) {
              long sum = 0;
              for (long[] district : districtTrue) {
                sum += district[t];
              }
              if (random.nextDouble() < GAP_RATE) {
                double off = (0.03 + 0.07 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                sum = Math.round(sum * (1 + off));
                gap[t] = true;
                gaps++;
              }
              cityPublished[t] = sum;
            } else {
              cityPublished[t] = cityIndependent[t];
            }
          }
          outliers += injectOutliers(random, plan, cityPublished, cityOutlier);

          // truth
          for (int t = 0; t < periods; t++) {
            String period = periodCode(plan, perYear, t);
            boolean anyOutlier = cityOutlier[t];
            for (int d = 0; d < districts.size(); d++) {
              anyOutlier |= districtOutlier[d][t];
              if (districtOutlier[d][t]) {
                flags.write(List.of("outlier", plan.code(), districts.get(d).code(), period));
              }
            }
            if (cityOutlier[t]) {
              flags.write(List.of("outlier", plan.code(), city, period));
            }
            if (plan.additive() && (gap[t] || anyOutlier)) {
              flags.write(List.of("reconciliation", plan.code(), city, period));
            }
          }

          // extracts, and the values as published
          TableWriter file = files.get(plan.file());
          String cityName = regions.find(city).orElseThrow().name();
          emit(
              random,
              plan,
              perYear,
              file,
              values,
              city,
              cityNames(cityName),
              plan.cityUnit(),
              cityPublished,
              rows);
          for (int d = 0; d < districts.size(); d++) {
            Region district = districts.get(d);
            emit(
                random,
                plan,
                perYear,
                file,
                values,
                district.code(),
                districtNames(cityName, district.name()),
                plan.districtUnit(),
                districtPublished[d],
                rows);
          }
        }
      }
    } finally {
      files.values().forEach(TableWriter::close);
    }
    return new Summary(rows, outliers, gaps);
  }

  private static TableWriter open(Path directory, String source, String format, Charset charset) {
    return TableWriter.open(
        directory.resolve(source + "." + format), format, charset, HEADERS.get(source));
  }

  /** Current-period values in 万元 (元 for income): trend, mild seasonality, 3 % noise. */
  private static long[] series(SplittableRandom random, Plan plan, int periods, int perYear) {
    double base = plan.baseLow() + random.nextDouble() * (plan.baseHigh() - plan.baseLow());
    double yearlyGrowth = 0.03 + 0.05 * random.nextDouble();
    long[] values = new long[periods];
    for (int t = 0; t < periods; t++) {
      double trend = Math.pow(1 + yearlyGrowth, (double) t / perYear);
      double season = perYear == 1 ? 1 : 1 + 0.06 * Math.sin(2 * Math.PI * (t % perYear) / perYear);
      double noise = 1 + 0.03 * Draws.gaussian(random);
      values[t] = Math.max(1, Math.round(base * trend * season * noise));
    }
    return values;
  }

  private static int injectOutliers(
      SplittableRandom random, Plan plan, long[] values, boolean[] outlier) {
    if (plan.frequency().equals("annual")) {
      return 0;
    }
    int injected = 0;
    for (int t = 2; t < values.length - 2; t++) {
      if (random.nextDouble() < OUTLIER_RATE) {
        double factor = OUTLIER_FACTORS[random.nextInt(OUTLIER_FACTORS.length)];
        values[t] = Math.max(1, Math.round(values[t] * factor));
        outlier[t] = true;
        injected++;
      }
    }
    return injected;
  }

  /** Writes one series' rows the way its department reports it, and its published values. */
  private void emit(
      SplittableRandom random,
      Plan plan,
      int perYear,
      TableWriter file,
      TableWriter truth,
      String regionCode,
      List<String> regionNames,
      String unit,
      long[] current,
      Map<String, Integer> rows) {
    long yearToDate = 0;
    for (int t = 0; t < current.length; t++) {
      int number = t % perYear + 1;
      yearToDate = number == 1 ? current[t] : yearToDate + current[t];
      String standardUnit = plan.code().equals("DISPOSABLE_INCOME") ? "元" : "亿元";
      boolean missing =
          !plan.cumulative() && perYear > 1 && t > 0 && random.nextDouble() < MISSING_RATE;
      if (!missing) {
        truth.write(
            List.of(
                plan.code(),
                regionCode,
                periodCode(plan, perYear, t),
                convert(current[t], standardUnit).toPlainString()));
      }
      long reported = plan.cumulative() ? yearToDate : current[t];
      String value = missing ? "—" : format(reported, unit, plan.file(), random);
      String name = plan.names().get(random.nextInt(plan.names().size()));
      String region = regionNames.get(random.nextInt(regionNames.size()));
      List<String> row =
          List.of(
              id(plan.file(), rows),
              name,
              region,
              periodText(plan, t / perYear + firstYear, number),
              measureText(plan, number),
              value,
              unit);
      file.write(row);
      if (random.nextDouble() < DUPLICATE_RATE) {
        List<String> duplicate = new ArrayList<>(row);
        duplicate.set(0, id(plan.file(), rows));
        file.write(duplicate);
      }
    }
  }

  private static String id(String file, Map<String, Integer> rows) {
    int n = rows.merge(file, 1, Integer::sum);
    return String.format(Locale.ROOT, "%s-%06d", file.substring(0, 2).toUpperCase(Locale.ROOT), n);
  }

  /** A value in 万元 (元 for income) written in the reporting unit, exact. */
  private static String format(long value, String unit, String file, SplittableRandom random) {
    String text =
        switch (unit) {
          case "亿元" -> BigDecimal.valueOf(value).movePointLeft(4).setScale(4).toPlainString();
          case "万元" -> Long.toString(value);
          case "元" ->
              file.equals("finance")
                  ? String.format(Locale.ROOT, "%,d", value * 10_000)
                  : Long.toString(value);
          default -> throw new IllegalStateException("unit " + unit);
        };
    return random.nextDouble() < 0.01 ? fullWidth(text) : text;
  }

  private static BigDecimal convert(long value, String standardUnit) {
    return standardUnit.equals("元")
        ? BigDecimal.valueOf(value)
        : BigDecimal.valueOf(value).movePointLeft(4).stripTrailingZeros();
  }

  private String periodCode(Plan plan, int perYear, int t) {
    int year = firstYear + t / perYear;
    int number = t % perYear + 1;
    return switch (plan.frequency()) {
      case "monthly" -> String.format(Locale.ROOT, "%d-%02d", year, number);
      case "quarterly" -> year + "-Q" + number;
      default -> String.valueOf(year);
    };
  }

  private String periodText(Plan plan, int year, int number) {
    return switch (plan.code()) {
      case "GDP" -> number == 1 ? year + "年第1季度" : year + "年1-" + number + "季度";
      case "RETAIL_SALES" -> number == 1 ? year + "年1月" : year + "年1-" + number + "月";
      case "INDUSTRIAL_VALUE_ADDED" -> year + "年" + number + "月";
      case "DISPOSABLE_INCOME" -> year + "年";
      case "FIXED_ASSET_INVESTMENT" -> String.format(Locale.ROOT, "%d-%02d", year, number);
      case "BUDGET_REVENUE" -> String.format(Locale.ROOT, "%d%02d", year, number);
      case "BUDGET_EXPENDITURE" -> String.format(Locale.ROOT, "%dM%02d", year, number);
      default -> throw new IllegalStateException(plan.code());
    };
  }

  private static String measureText(Plan plan, int number) {
    return switch (plan.code()) {
      case "GDP", "BUDGET_EXPENDITURE" -> "累计";
      case "RETAIL_SALES" -> number == 1 ? "累计" : ""; // left to the period's form
      case "FIXED_ASSET_INVESTMENT" -> "本年累计";
      case "INDUSTRIAL_VALUE_ADDED" -> "当月";
      case "BUDGET_REVENUE" -> "当期";
      default -> "";
    };
  }

  private static List<String> cityNames(String name) {
    return List.of(name, name.substring(0, name.length() - 1));
  }

  private static List<String> districtNames(String cityName, String name) {
    List<String> names = new ArrayList<>(List.of(cityName + name, name));
    if (name.length() > 2 && name.endsWith("区")) {
      names.add(name.substring(0, name.length() - 1));
    }
    return names;
  }

  private static String fullWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return out.toString();
  }
}
