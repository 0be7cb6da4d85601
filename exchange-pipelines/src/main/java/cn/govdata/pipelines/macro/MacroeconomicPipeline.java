package cn.govdata.pipelines.macro;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.ingest.SourceReader;
import cn.govdata.pipelines.macro.MacroSeries.SeriesKey;
import cn.govdata.pipelines.macro.MacroStandardiser.FieldCheck;
import cn.govdata.pipelines.macro.MacroStandardiser.Observation;
import cn.govdata.pipelines.macro.MacroStandardiser.RawRow;
import cn.govdata.pipelines.macro.MacroStandardiser.Result;
import cn.govdata.pipelines.quality.QualityCounts;
import cn.govdata.pipelines.run.PipelineRun;
import cn.govdata.pipelines.run.RecordedRun;
import cn.govdata.pipelines.run.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The macroeconomic base database (宏观经济基础库): department extracts → raw tables → standardised
 * observations (catalogue indicator, GB/T 2260 division, normalised period, both year-to-date and
 * current-period values in the indicator's one unit) → reconciliation of districts against their
 * city and robust outlier flags, a quality report and a run record, in the Iceberg namespace {@code
 * macroeconomic}.
 *
 * <p>Spark reads the extracts and writes the tables; the series work (ordering periods, differences
 * of year-to-date values, sums over districts, medians) runs on the driver in exact decimals.
 * Macroeconomic data is small — a province's indicators × divisions × months are tens of thousands
 * of rows — and the rules are easier to check there than as window functions.
 */
public final class MacroeconomicPipeline {

  public static final String NAMESPACE = "macroeconomic";
  private static final List<String> FIELDS =
      List.of("indicator", "region", "period", "measure", "value", "unit");
  private static final int STEPS = 6;
  private static final DataType AMOUNT = DataTypes.createDecimalType(38, 10);

  /**
   * One run's inputs.
   *
   * @param sources the directory holding the extracts
   * @param mappings one per source
   * @param catalogue the indicator catalogue
   * @param provinceCode the province the extracts come from (region names are read below it)
   * @param tolerance relative difference from which districts and city disagree
   * @param outlierThreshold modified z-score beyond which growth is extreme
   * @param runsDirectory where the run's reports are kept
   * @param runId unique id of the run
   */
  public record Request(
      Path sources,
      List<SourceMapping> mappings,
      IndicatorCatalogue catalogue,
      String provinceCode,
      double tolerance,
      double outlierThreshold,
      Path runsDirectory,
      String runId) {
    public Request {
      Objects.requireNonNull(sources, "sources");
      if (mappings == null || mappings.isEmpty()) {
        throw new IllegalArgumentException("at least one source mapping is required");
      }
      mappings = List.copyOf(mappings);
      Objects.requireNonNull(catalogue, "catalogue");
      Objects.requireNonNull(provinceCode, "provinceCode");
      Objects.requireNonNull(runsDirectory, "runsDirectory");
      Objects.requireNonNull(runId, "runId");
    }

    /** The shipped mappings and catalogue, Guangdong, 1 % tolerance, threshold 3.5. */
    public static Request defaults(Path sources, Path runsDirectory, String runId) {
      return new Request(
          sources,
          defaultMappings(),
          IndicatorCatalogue.defaults(),
          "440000",
          Reconciliation.DEFAULT_TOLERANCE,
          OutlierDetector.DEFAULT_THRESHOLD,
          runsDirectory,
          runId);
    }
  }

  private final SparkSession spark;
  private final Consumer<String> progress;
  private final PipelineRun run;

  public MacroeconomicPipeline(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
    this.run = new PipelineRun(spark, NAMESPACE, STEPS, progress);
  }

  public static String table(String name) {
    return PipelineRun.table(NAMESPACE, name);
  }

  /** The three departments' mappings shipped with the pipeline, matching the generator's files. */
  public static List<SourceMapping> defaultMappings() {
    List<SourceMapping> mappings = new ArrayList<>();
    for (String source : List.of("statistics_bureau", "development_reform", "finance")) {
      String resource = "/cn/govdata/pipelines/mappings/macroeconomic/" + source + ".yaml";
      try (InputStream in = MacroeconomicPipeline.class.getResourceAsStream(resource)) {
        mappings.add(SourceMapping.read(in, resource));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mappings;
  }

  public RunRecord run(Request request) {
    Path runDirectory = request.runsDirectory().resolve(request.runId());
    return run.run(
        request.runId(), runDirectory, details -> execute(request, runDirectory, details));
  }

  private void step(int number, String message) {
    run.step(number, message);
  }

  private void execute(Request request, Path runDirectory, Map<String, Object> details) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    List<Map<String, Object>> inputs = new ArrayList<>();
    QualityCounts quality = new QualityCounts();
    SourceReader reader = new SourceReader(spark);
    List<RawRow> rawRows = new ArrayList<>();
    for (SourceMapping mapping : request.mappings()) {
      step(1, "reading " + mapping.file() + " (" + mapping.department() + ")");
      Dataset<Row> rows = reader.read(request.sources(), mapping);
      String table = table("raw_" + mapping.source());
      RecordedRun.replace(rows, table, request.runId(), outputs);
      long count = 0;
      for (Row row : spark.table(table).collectAsList()) {
        count++;
        String rejected = row.getAs(SourceReader.REJECTED);
        if (rejected != null) {
          quality.rejectedRows(mapping.source(), rejected, 1);
        } else {
          rawRows.add(
              new RawRow(
                  mapping.source(),
                  row.getAs("record_id"),
                  text(row, "indicator"),
                  text(row, "region"),
                  text(row, "period"),
                  text(row, "measure"),
                  text(row, "value"),
                  text(row, "unit")));
        }
      }
      quality.rows(mapping.source(), count);
      inputs.add(
          Map.of(
              "source", mapping.source(),
              "department", mapping.department(),
              "file", request.sources().resolve(mapping.file()).toString(),
              "rows", count));
    }
    details.put("inputs", inputs);

    step(2, "standardising indicators, regions, periods, measures and units");
    Gb2260Regions regions = Gb2260Regions.national();
    MacroStandardiser standardiser =
        new MacroStandardiser(request.catalogue(), regions, request.provinceCode());
    Map<String, Observation> unique = new LinkedHashMap<>();
    Map<String, Long> rejections = new LinkedHashMap<>();
    for (RawRow raw : rawRows) {
      Result result = standardiser.standardise(raw);
      for (FieldCheck check : result.checks()) {
        quality.field(raw.source(), check.field(), check.status(), check.rule(), 1);
      }
      if (result.observation().isEmpty()) {
        rejections.merge(result.rejection(), 1L, Long::sum);
        quality.rejectedRows(raw.source(), result.rejection(), 1);
        continue;
      }
      Observation observation = result.observation().get();
      String key =
          String.join(
              "|",
              observation.indicator().code(),
              observation.region().code(),
              observation.period().code(),
              observation.measure().name());
      Observation first = unique.putIfAbsent(key, observation);
      if (first != null) {
        String rule =
            first.value().compareTo(observation.value()) == 0
                ? "observation.duplicate"
                : "observation.conflicting-duplicate";
        rejections.merge(rule, 1L, Long::sum);
        quality.rejectedRows(raw.source(), rule, 1);
      }
    }
    List<Observation> observations = new ArrayList<>(unique.values());
    progress.accept(
        String.format(
            "    %,d rows, %,d observations, rejected: %s",
            rawRows.size(), observations.size(), rejections));

    step(3, "deriving current-period and year-to-date series");
    Map<SeriesKey, List<MacroSeries.Point>> series = MacroSeries.build(observations);
    Map<Reconciliation.Key, BigDecimal> current = new HashMap<>();
    series.forEach(
        (key, points) -> {
          for (MacroSeries.Point point : points) {
            if (point.current() != null) {
              current.put(
                  new Reconciliation.Key(
                      key.indicatorCode(), key.regionCode(), point.observation().period()),
                  point.current());
            }
          }
        });

    step(4, "flagging outliers (modified z-score of period-over-period growth)");
    OutlierDetector detector = new OutlierDetector(request.outlierThreshold());
    List<Row> outlierRows = new ArrayList<>();
    Set<Reconciliation.Key> outlierKeys = new HashSet<>();
    series.forEach(
        (key, points) -> {
          Map<Period, BigDecimal> values = new HashMap<>();
          for (MacroSeries.Point point : points) {
            if (point.current() != null) {
              values.put(point.observation().period(), point.current());
            }
          }
          for (OutlierDetector.Outlier outlier : detector.detect(values)) {
            outlierKeys.add(
                new Reconciliation.Key(key.indicatorCode(), key.regionCode(), outlier.period()));
            outlierRows.add(
                RowFactory.create(
                    key.indicatorCode(),
                    key.regionCode(),
                    outlier.period().code(),
                    outlier.value(),
                    outlier.growth(),
                    outlier.score(),
                    outlier.medianGrowth(),
                    outlier.deviation(),
                    outlier.reason()));
          }
        });

    step(5, "reconciling districts with their city");
    Reconciliation reconciliation = new Reconciliation(regions, request.tolerance());
    Set<String> additive =
        request.catalogue().all().stream()
            .filter(Indicator::additive)
            .map(Indicator::code)
            .collect(Collectors.toSet());
    List<Reconciliation.Check> checks = reconciliation.check(current, additive);
    List<Row> reconciliationRows = new ArrayList<>();
    for (Reconciliation.Check check : checks) {
      reconciliationRows.add(
          RowFactory.create(
              check.indicatorCode(),
              check.cityCode(),
              check.period().code(),
              check.cityValue(),
              check.districtSum(),
              check.districtsReported(),
              check.districtsExpected(),
              check.difference(),
              check.relativeDifference(),
              reconciliation.tolerance(),
              check.status(),
              check.flagged()));
    }

    step(6, "writing the observations, reconciliation, outliers and the quality report");
    List<Row> observationRows = new ArrayList<>();
    series.forEach(
        (key, points) -> {
          for (MacroSeries.Point point : points) {
            Observation o = point.observation();
            observationRows.add(
                RowFactory.create(
                    o.indicator().code(),
                    o.indicator().name(),
                    o.indicator().unit(),
                    o.period().frequency().name().toLowerCase(java.util.Locale.ROOT),
                    o.region().code(),
                    o.region().name(),
                    o.region().parentCode(),
                    o.period().code(),
                    o.period().year(),
                    point.current(),
                    point.cumulative(),
                    o.measure().name().toLowerCase(java.util.Locale.ROOT),
                    o.reportedValue(),
                    o.reportedUnit(),
                    o.source(),
                    o.recordId(),
                    outlierKeys.contains(
                        new Reconciliation.Key(
                            key.indicatorCode(), key.regionCode(), o.period()))));
          }
        });
    long flagged = checks.stream().filter(Reconciliation.Check::flagged).count();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("run_id", request.runId());
    header.put("pipeline", NAMESPACE);
    header.put("observations", observationRows.size());
    header.put("series", series.size());
    header.put("rejections", rejections);
    header.put("reconciliation_checks", checks.size());
    header.put("reconciliation_flagged", flagged);
    header.put("reconciliation_tolerance", reconciliation.tolerance());
    header.put("outliers_flagged", outlierRows.size());
    header.put("outlier_threshold", request.outlierThreshold());
    quality.report(header).write(runDirectory);
    details.put(
        "reports",
        Map.of(
            "quality_json", runDirectory.resolve("quality.json").toString(),
            "quality_html", runDirectory.resolve("quality.html").toString()));
    details.put(
        "decisions",
        Map.of(
            "observations", observationRows.size(),
            "reconciliation_flagged", flagged,
            "outliers_flagged", outlierRows.size()));

    // standardised tables last: a run that fails before this line leaves them as they were
    RecordedRun.replace(
        spark.createDataFrame(observationRows, OBSERVATION_SCHEMA),
        table("observations"),
        request.runId(),
        outputs);
    RecordedRun.replace(
        spark.createDataFrame(reconciliationRows, RECONCILIATION_SCHEMA),
        table("reconciliation"),
        request.runId(),
        outputs);
    RecordedRun.replace(
        spark.createDataFrame(outlierRows, OUTLIER_SCHEMA),
        table("outliers"),
        request.runId(),
        outputs);
    details.put("outputs", outputs);
  }

  private static String text(Row row, String field) {
    if (!List.of(row.schema().fieldNames()).contains(field)) {
      return null; // the source's mapping does not provide the field
    }
    Object value = row.getAs(field);
    return value == null ? null : value.toString();
  }

  private static final StructType OBSERVATION_SCHEMA =
      new StructType()
          .add("indicator_code", DataTypes.StringType, false)
          .add("indicator_name", DataTypes.StringType, false)
          .add("unit", DataTypes.StringType, false)
          .add("frequency", DataTypes.StringType, false)
          .add("region_code", DataTypes.StringType, false)
          .add("region_name", DataTypes.StringType, false)
          .add("parent_code", DataTypes.StringType)
          .add("period", DataTypes.StringType, false)
          .add("year", DataTypes.IntegerType, false)
          .add("value_current", AMOUNT)
          .add("value_cumulative", AMOUNT)
          .add("reported_measure", DataTypes.StringType, false)
          .add("reported_value", DataTypes.StringType)
          .add("reported_unit", DataTypes.StringType)
          .add("source", DataTypes.StringType, false)
          .add("record_id", DataTypes.StringType)
          .add("outlier", DataTypes.BooleanType, false);

  private static final StructType RECONCILIATION_SCHEMA =
      new StructType()
          .add("indicator_code", DataTypes.StringType, false)
          .add("city_code", DataTypes.StringType, false)
          .add("period", DataTypes.StringType, false)
          .add("city_value", AMOUNT)
          .add("district_sum", AMOUNT)
          .add("districts_reported", DataTypes.IntegerType, false)
          .add("districts_expected", DataTypes.IntegerType, false)
          .add("difference", AMOUNT)
          .add("relative_difference", DataTypes.DoubleType)
          .add("tolerance", DataTypes.DoubleType, false)
          .add("status", DataTypes.StringType, false)
          .add("flagged", DataTypes.BooleanType, false);

  private static final StructType OUTLIER_SCHEMA =
      new StructType()
          .add("indicator_code", DataTypes.StringType, false)
          .add("region_code", DataTypes.StringType, false)
          .add("period", DataTypes.StringType, false)
          .add("value_current", AMOUNT)
          .add("growth", DataTypes.DoubleType, false)
          .add("score", DataTypes.DoubleType, false)
          .add("median_growth", DataTypes.DoubleType, false)
          .add("deviation", DataTypes.DoubleType, false)
          .add("reason", DataTypes.StringType, false);
}
