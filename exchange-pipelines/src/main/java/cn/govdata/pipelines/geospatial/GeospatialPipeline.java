package cn.govdata.pipelines.geospatial;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import cn.govdata.pipelines.ingest.Encodings;
import cn.govdata.pipelines.quality.QualityCounts;
import cn.govdata.pipelines.run.PipelineRun;
import cn.govdata.pipelines.run.RecordedRun;
import cn.govdata.pipelines.run.RunRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.io.WKTWriter;

/**
 * The geospatial base database (空间地理基础库): the GB/T 2260 division hierarchy with its code history,
 * division boundaries, and, when given a points file, each point's division. Tables are Iceberg
 * tables in the namespace {@code geospatial}; each run commits new snapshots, writes a quality
 * report and a run record.
 */
public final class GeospatialPipeline {

  public static final String NAMESPACE = "geospatial";
  static final List<String> POINT_COLUMNS = List.of("id", "lon", "lat", "crs");
  private static final String HISTORY = "/gb2260/history.csv";
  private static final String ASSIGN = "govdata_assign_division";
  private static final int STEPS = 4;

  /**
   * One run's inputs.
   *
   * @param points a CSV of points (id, lon, lat, crs and optionally address), or empty
   * @param runsDirectory where the run's reports are kept ({@code <runsDirectory>/<runId>/})
   * @param runId unique id of the run
   */
  public record Request(Optional<Path> points, Path runsDirectory, String runId) {
    public Request {
      Objects.requireNonNull(points, "points");
      Objects.requireNonNull(runsDirectory, "runsDirectory");
      Objects.requireNonNull(runId, "runId");
    }
  }

  private final SparkSession spark;
  private final PipelineRun run;

  public GeospatialPipeline(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.run = new PipelineRun(spark, NAMESPACE, STEPS, progress);
  }

  public static String table(String name) {
    return PipelineRun.table(NAMESPACE, name);
  }

  /** Runs the pipeline; a failure is recorded as a FAILED run and rethrown. */
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
    QualityCounts quality = new QualityCounts();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("run_id", request.runId());
    header.put("pipeline", NAMESPACE);

    // read and check the points first: a bad file fails the run before any table changes
    Dataset<Row> points = request.points().map(this::readPoints).orElse(null);

    step(1, "division hierarchy and code history (GB/T 2260)");
    List<Region> regions = Gb2260Regions.national().all();
    write(divisions(regions), "divisions", request.runId(), outputs);
    List<Row> history = history();
    write(
        spark.createDataFrame(history, HISTORY_SCHEMA),
        "division_history",
        request.runId(),
        outputs);
    quality.rows("divisions", regions.size());
    quality.rows("division_history", history.size());
    header.put("divisions", regions.size());
    header.put("division_history", history.size());

    step(2, "boundaries of Guangdong's cities (echarts guangdong.json)");
    List<Boundary> boundaries = Boundaries.guangdongCities();
    write(boundaries(boundaries), "boundaries", request.runId(), outputs);
    quality.rows("boundaries", boundaries.size());
    header.put("boundaries", boundaries.size());

    if (points != null) {
      step(3, "assigning points to divisions (" + request.points().get() + ")");
      Dataset<Row> assigned = assign(points);
      write(assigned, "point_divisions", request.runId(), outputs);
      Map<String, Long> methods = pointQuality(spark.table(table("point_divisions")), quality);
      header.put("points", methods.values().stream().mapToLong(Long::longValue).sum());
      header.put("points_by_method", methods);
      details.put(
          "inputs", List.of(Map.of("source", "points", "file", request.points().get().toString())));
    } else {
      step(3, "no points file given; point_divisions left as it was");
    }

    step(4, "writing the quality report");
    quality.report(header).write(runDirectory);
    details.put(
        "reports",
        Map.of(
            "quality_json", runDirectory.resolve("quality.json").toString(),
            "quality_html", runDirectory.resolve("quality.html").toString()));
    details.put("outputs", outputs);
  }

  /** The points file as strings, checked for its required columns; unknown columns are kept. */
  private Dataset<Row> readPoints(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("points file not found: " + file);
    }
    // addresses in another encoding would reach the address parser as replacement characters
    Encodings.verify(file, StandardCharsets.UTF_8);
    Dataset<Row> rows =
        spark
            .read()
            .option("header", "true")
            .option("encoding", "UTF-8")
            .option("mode", "PERMISSIVE")
            .csv(file.toString());
    List<String> present = Arrays.asList(rows.columns());
    List<String> missing = POINT_COLUMNS.stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "points file " + file + " lacks the column(s) " + missing + "; it has " + present);
    }
    return present.contains("address")
        ? rows
        : rows.withColumn("address", lit(null).cast("string"));
  }

  /** Each point with its division: point first, address when there is no usable point. */
  static Dataset<Row> assign(Dataset<Row> points) {
    SparkSession spark = points.sparkSession();
    spark
        .udf()
        .register(
            ASSIGN,
            (UDF4<String, String, String, String, Row>)
                (longitude, latitude, system, address) -> {
                  DivisionAssigner.Assignment a =
                      DivisionAssigner.guangdong().assign(longitude, latitude, system, address);
                  return RowFactory.create(a.divisionCode(), a.cityCode(), a.method(), a.rule());
                },
            ASSIGNMENT_SCHEMA);
    return points
        .select(
            trim(col("id")).as("id"),
            col("lon"),
            col("lat"),
            col("crs"),
            col("address"),
            call_udf(ASSIGN, col("lon"), col("lat"), col("crs"), col("address")).as("a"))
        .select(
            col("id"),
            col("lon"),
            col("lat"),
            col("crs"),
            col("address"),
            col("a.division_code").as("division_code"),
            col("a.city_code").as("city_code"),
            col("a.method").as("method"),
            col("a.rule").as("rule"));
  }

  /** Counts the points' coordinates and divisions into the report; returns points per method. */
  private static Map<String, Long> pointQuality(Dataset<Row> assigned, QualityCounts quality) {
    Dataset<Row> statuses =
        assigned.select(
            when(col("id").isNull(), lit("record-id.missing")).as("rejected"),
            when(col("lon").isNull().and(col("lat").isNull()), lit("MISSING"))
                .when(
                    col("rule")
                        .startsWith("point.")
                        .and(col("rule").notEqual("point.outside-boundaries")),
                    lit("REJECTED"))
                .when(col("crs").rlike("(?i)^\\s*gcj[-_]?02\\s*$"), lit("VALID"))
                .otherwise(lit("REPAIRED"))
                .as("coordinates_status"),
            when(col("lon").isNull().and(col("lat").isNull()), lit(null).cast("string"))
                .when(
                    col("rule")
                        .startsWith("point.")
                        .and(col("rule").notEqual("point.outside-boundaries")),
                    col("rule"))
                .when(col("crs").rlike("(?i)^\\s*gcj[-_]?02\\s*$"), lit(null).cast("string"))
                .otherwise(lit("point.converted-to-gcj02"))
                .as("coordinates_rule"),
            when(col("method").equalTo("point"), lit("VALID"))
                .when(col("method").equalTo("address"), lit("REPAIRED"))
                .otherwise(lit("MISSING"))
                .as("division_status"),
            when(col("method").equalTo("address"), lit("division.from-address"))
                .when(col("method").isNull(), col("rule"))
                .as("division_rule"),
            col("method"));
    Map<String, Long> methods = new LinkedHashMap<>();
    for (Row row :
        statuses
            .groupBy(
                "rejected",
                "coordinates_status",
                "coordinates_rule",
                "division_status",
                "division_rule",
                "method")
            .count()
            .collectAsList()) {
      long n = row.getLong(6);
      quality.rows("points", n);
      if (row.getString(0) != null) {
        quality.rejectedRows("points", row.getString(0), n);
      }
      quality.field("points", "coordinates", row.getString(1), row.getString(2), n);
      quality.field("points", "division", row.getString(3), row.getString(4), n);
      methods.merge(row.getString(5) == null ? "none" : row.getString(5), n, Long::sum);
    }
    return methods;
  }

  private Dataset<Row> divisions(List<Region> regions) {
    List<Row> rows = new ArrayList<>();
    for (Region region : regions) {
      rows.add(
          RowFactory.create(
              region.code(),
              region.name(),
              region.level().name().toLowerCase(Locale.ROOT),
              region.parentCode(),
              region.isCurrent(),
              region.validUntil() == null ? null : Date.valueOf(region.validUntil()),
              region.successorCode()));
    }
    return spark.createDataFrame(rows, DIVISION_SCHEMA);
  }

  /** governance's retired codes: old code, new code, change date and kind of change. */
  static List<Row> history() {
    InputStream in = GeospatialPipeline.class.getResourceAsStream(HISTORY);
    Objects.requireNonNull(in, "missing classpath resource " + HISTORY);
    Gb2260Regions regions = Gb2260Regions.national();
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String headerLine = reader.readLine();
      if (headerLine == null
          || !headerLine.startsWith("code,name,parent,retired_on,precision,successor,change")) {
        throw new IllegalStateException(HISTORY + " has an unexpected header: " + headerLine);
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        String successor = f[5].isEmpty() ? null : f[5];
        rows.add(
            RowFactory.create(
                f[0],
                f[1],
                successor,
                successor == null ? null : regions.find(successor).map(Region::name).orElse(null),
                Date.valueOf(LocalDate.parse(f[3])),
                f[4],
                f[6]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private Dataset<Row> boundaries(List<Boundary> boundaries) {
    WKTWriter wkt = new WKTWriter();
    List<Row> rows = new ArrayList<>();
    for (Boundary boundary : boundaries) {
      rows.add(
          RowFactory.create(
              boundary.code(),
              boundary.name(),
              Region.levelOf(boundary.code()).name().toLowerCase(Locale.ROOT),
              Boundaries.FRAME.name(),
              Math.round(boundary.areaSquareKilometres() * 10) / 10.0,
              wkt.write(boundary.geometry())));
    }
    return spark.createDataFrame(rows, BOUNDARY_SCHEMA);
  }

  private static void write(
      Dataset<Row> rows, String name, String runId, Map<String, Object> outputs) {
    RecordedRun.replace(rows, table(name), runId, outputs);
  }

  private static final StructType ASSIGNMENT_SCHEMA =
      new StructType()
          .add("division_code", DataTypes.StringType)
          .add("city_code", DataTypes.StringType)
          .add("method", DataTypes.StringType)
          .add("rule", DataTypes.StringType);

  private static final StructType DIVISION_SCHEMA =
      new StructType()
          .add("code", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false)
          .add("level", DataTypes.StringType, false)
          .add("parent", DataTypes.StringType)
          .add("valid", DataTypes.BooleanType, false)
          .add("valid_until", DataTypes.DateType)
          .add("successor", DataTypes.StringType);

  private static final StructType HISTORY_SCHEMA =
      new StructType()
          .add("old_code", DataTypes.StringType, false)
          .add("old_name", DataTypes.StringType, false)
          .add("new_code", DataTypes.StringType)
          .add("new_name", DataTypes.StringType)
          .add("change_date", DataTypes.DateType, false)
          .add("date_precision", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false);

  private static final StructType BOUNDARY_SCHEMA =
      new StructType()
          .add("code", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false)
          .add("level", DataTypes.StringType, false)
          .add("frame", DataTypes.StringType, false)
          .add("area_km2", DataTypes.DoubleType, false)
          .add("wkt", DataTypes.StringType, false);
}
