package cn.govdata.pipelines.generate;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import cn.govdata.pipelines.geospatial.Boundaries;
import cn.govdata.pipelines.geospatial.Boundary;
import cn.govdata.pipelines.geospatial.CoordinateSystem;
import cn.govdata.pipelines.geospatial.Coordinates.Point;
import cn.govdata.pipelines.geospatial.DivisionAssigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Generates service locations (服务网点) in Guangdong with the truth about where they are, so that
 * division assignment can be measured: {@code points.csv} (id, lon, lat, crs, address) and {@code
 * points_truth.csv} (id, division_code, kind). A true location is drawn uniformly inside a city's
 * boundary and then written the way departments send locations:
 *
 * <ul>
 *   <li>{@code gcj02} (most): as a web map gives it, with GPS noise of about 15 m;
 *   <li>{@code wgs84}, {@code cgcs2000}, {@code bd09}: converted to that frame and labelled so;
 *   <li>{@code mislabelled}: WGS-84 coordinates labelled GCJ-02 (a common error, ≈ 500 m off);
 *   <li>{@code address}: no coordinates, only an address naming the city and a district;
 *   <li>{@code sea}: a point off the coast; its true division is none.
 * </ul>
 *
 * Deterministic for a seed.
 */
public final class PointGenerator {

  /** Kinds and their shares, in drawing order. */
  private static final List<Map.Entry<String, Double>> KINDS =
      List.of(
          Map.entry("gcj02", 0.68),
          Map.entry("wgs84", 0.10),
          Map.entry("cgcs2000", 0.04),
          Map.entry("bd09", 0.08),
          Map.entry("mislabelled", 0.03),
          Map.entry("address", 0.04),
          Map.entry("sea", 0.03));

  private static final List<String> STREETS =
      List.of("人民路", "建设路", "中山路", "解放路", "新华路", "文化路", "工业大道", "滨江路");
  private static final double GPS_NOISE_DEGREES = 15 / 111_320.0;
  private static final Envelope SEA = new Envelope(111.5, 117.0, 20.0, 21.3);

  /**
   * What was written.
   *
   * @param points rows in points.csv
   * @param kinds rows per kind
   */
  public record Summary(int points, Map<String, Integer> kinds) {}

  private final long seed;
  private final int count;

  public PointGenerator(long seed, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("point count must be at least 1, got " + count);
    }
    this.seed = seed;
    this.count = count;
  }

  public Summary write(Path directory) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Boundary> cities = Boundaries.guangdongCities();
    List<PreparedGeometry> prepared =
        cities.stream().map(c -> PreparedGeometryFactory.prepare(c.geometry())).toList();
    DivisionAssigner assigner = DivisionAssigner.guangdong();
    Map<String, Integer> kinds = new TreeMap<>();
    try (TableWriter points =
            TableWriter.open(
                directory.resolve("points.csv"),
                "csv",
                StandardCharsets.UTF_8,
                List.of("id", "lon", "lat", "crs", "address"));
        TableWriter truth =
            TableWriter.open(
                directory.resolve("points_truth.csv"),
                "csv",
                StandardCharsets.UTF_8,
                List.of("id", "division_code", "kind"))) {
      for (int i = 1; i <= count; i++) {
        String id = String.format(Locale.ROOT, "P%07d", i);
        String kind = draw(random);
        kinds.merge(kind, 1, Integer::sum);
        if (kind.equals("sea")) {
          Point sea = seaPoint(random, assigner);
          points.write(
              List.of(id, degrees(sea.longitude()), degrees(sea.latitude()), "GCJ-02", ""));
          truth.write(List.of(id, "", kind));
          continue;
        }
        int city = random.nextInt(cities.size());
        Point location = inside(random, cities.get(city), prepared.get(city));
        truth.write(List.of(id, cities.get(city).code(), kind));
        points.write(row(id, kind, location, cities.get(city), random));
      }
    }
    return new Summary(count, kinds);
  }

  private static List<String> row(
      String id, String kind, Point gcj, Boundary city, SplittableRandom random) {
    return switch (kind) {
      case "gcj02" -> {
        Point noisy =
            new Point(
                gcj.longitude() + Draws.gaussian(random) * GPS_NOISE_DEGREES,
                gcj.latitude() + Draws.gaussian(random) * GPS_NOISE_DEGREES);
        yield located(id, noisy, random.nextBoolean() ? "GCJ-02" : "gcj02");
      }
      case "wgs84" -> located(id, CoordinateSystem.WGS84.fromGcj02(gcj), "WGS84");
      case "cgcs2000" -> located(id, CoordinateSystem.CGCS2000.fromGcj02(gcj), "CGCS2000");
      case "bd09" -> located(id, CoordinateSystem.BD09.fromGcj02(gcj), "BD-09");
      case "mislabelled" -> located(id, CoordinateSystem.WGS84.fromGcj02(gcj), "GCJ-02");
      case "address" -> List.of(id, "", "", "", address(city, random));
      default -> throw new IllegalStateException("unknown kind " + kind);
    };
  }

  private static List<String> located(String id, Point point, String system) {
    return List.of(id, degrees(point.longitude()), degrees(point.latitude()), system, "");
  }

  private static String address(Boundary city, SplittableRandom random) {
    List<Region> districts = Gb2260Regions.national().children(city.code());
    String district =
        districts.isEmpty() ? "" : districts.get(random.nextInt(districts.size())).name();
    return "广东省"
        + city.name()
        + district
        + STREETS.get(random.nextInt(STREETS.size()))
        + (1 + random.nextInt(300))
        + "号";
  }

  /** A point drawn uniformly inside the boundary (rejection sampling in its envelope). */
  private static Point inside(SplittableRandom random, Boundary city, PreparedGeometry prepared) {
    Envelope envelope = city.geometry().getEnvelopeInternal();
    while (true) {
      Coordinate candidate =
          new Coordinate(
              envelope.getMinX() + random.nextDouble() * envelope.getWidth(),
              envelope.getMinY() + random.nextDouble() * envelope.getHeight());
      if (prepared.containsProperly(Boundaries.geometryFactory().createPoint(candidate))) {
        return new Point(candidate.x, candidate.y);
      }
    }
  }

  private static Point seaPoint(SplittableRandom random, DivisionAssigner assigner) {
    while (true) {
      Point candidate =
          new Point(
              SEA.getMinX() + random.nextDouble() * SEA.getWidth(),
              SEA.getMinY() + random.nextDouble() * SEA.getHeight());
      if (assigner.locate(candidate, Boundaries.FRAME).isEmpty()) {
        return candidate;
      }
    }
  }

  private static String draw(SplittableRandom random) {
    double roll = random.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> kind : KINDS) {
      last = kind.getKey();
      roll -= kind.getValue();
      if (roll < 0) {
        return last;
      }
    }
    return last;
  }

  private static String degrees(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
