package cn.govdata.pipelines.geospatial;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import cn.govdata.pipelines.cleanse.Addresses;
import cn.govdata.pipelines.cleanse.Text;
import cn.govdata.pipelines.geospatial.Coordinates.Point;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Assigns points and addresses to their administrative division (落图): a point, in any of the frames
 * of {@link CoordinateSystem}, is converted to the boundaries' frame and looked up in an STR-tree
 * of prepared boundary geometries; a record without a usable point falls back to the division its
 * address names.
 *
 * <p>A point on the shared edge of two divisions lies in both (the boundaries are closed sets). It
 * goes to the division whose interior contains it, and when it is exactly on the line, to the lower
 * code: deterministic, and at the boundaries' 100 m precision no better rule exists.
 */
public final class DivisionAssigner {

  /**
   * Where a record was assigned.
   *
   * @param divisionCode the most precise division found: the city from a point, the county or city
   *     from an address; {@code null} when none
   * @param cityCode the prefecture-level division containing it; {@code null} when none
   * @param method {@code point}, {@code address}, or {@code null} when unassigned
   * @param rule why a point or address could not be used (e.g. {@code point.outside-boundaries}),
   *     or {@code null}
   */
  public record Assignment(String divisionCode, String cityCode, String method, String rule) {
    static Assignment none(String rule) {
      return new Assignment(null, null, null, rule);
    }
  }

  private final STRtree index = new STRtree();
  private final int size;

  public DivisionAssigner(List<Boundary> boundaries) {
    for (Boundary boundary : boundaries) {
      index.insert(
          boundary.geometry().getEnvelopeInternal(),
          new Indexed(boundary, PreparedGeometryFactory.prepare(boundary.geometry())));
    }
    index.build();
    size = boundaries.size();
  }

  /** The assigner over Guangdong's cities, built once per JVM (Spark executors included). */
  public static DivisionAssigner guangdong() {
    return Holder.GUANGDONG;
  }

  public int size() {
    return size;
  }

  /** The division containing a point given in {@code system}; empty outside every boundary. */
  public Optional<Boundary> locate(Point point, CoordinateSystem system) {
    Point inFrame = Boundaries.FRAME.fromGcj02(system.toGcj02(point));
    Coordinate coordinate = new Coordinate(inFrame.longitude(), inFrame.latitude());
    org.locationtech.jts.geom.Point jtsPoint = Boundaries.geometryFactory().createPoint(coordinate);
    @SuppressWarnings("unchecked")
    List<Indexed> candidates = index.query(new Envelope(coordinate));
    return candidates.stream()
        .filter(c -> c.prepared().covers(jtsPoint))
        .min(
            Comparator.comparing((Indexed c) -> !c.prepared().containsProperly(jtsPoint))
                .thenComparing(c -> c.boundary().code()))
        .map(Indexed::boundary);
  }

  /**
   * Assigns one record: the point when its coordinates and frame are usable, otherwise the address.
   * Text as it arrives from a file; blank values count as missing.
   */
  public Assignment assign(String longitude, String latitude, String system, String address) {
    String pointRule = null;
    if (!blank(longitude) || !blank(latitude)) {
      pointRule = pointRule(longitude, latitude, system);
      if (pointRule == null) {
        Point point = new Point(Double.parseDouble(longitude), Double.parseDouble(latitude));
        Optional<Boundary> found = locate(point, CoordinateSystem.parse(system));
        if (found.isPresent()) {
          String code = found.get().code();
          return new Assignment(code, cityOf(code), "point", null);
        }
        pointRule = "point.outside-boundaries";
      }
    }
    if (!blank(address)) {
      String code = addressDivision(address);
      if (code != null) {
        return new Assignment(code, cityOf(code), "address", pointRule);
      }
      return Assignment.none(pointRule != null ? pointRule : "address.division-unknown");
    }
    return Assignment.none(pointRule != null ? pointRule : "location.missing");
  }

  /**
   * The address parser's division; the national list's reading of the address when the parser's
   * division table (the demo's cities only) finds nothing or no more than the province.
   */
  private static String addressDivision(String address) {
    String code = Addresses.parse(address).divisionCode();
    if (code != null && !code.endsWith("0000")) {
      return code;
    }
    return Gb2260Regions.national()
        .locate(Text.clean(address))
        .map(Region::code)
        .filter(found -> code == null || found.startsWith(code.substring(0, 2)))
        .orElse(code);
  }

  /** Why a point cannot be used, or {@code null} when it can. */
  private static String pointRule(String longitude, String latitude, String system) {
    if (blank(longitude) || blank(latitude)) {
      return "point.coordinates-format";
    }
    double x;
    double y;
    try {
      x = Double.parseDouble(longitude);
      y = Double.parseDouble(latitude);
    } catch (NumberFormatException e) {
      return "point.coordinates-format";
    }
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
      return "point.out-of-range";
    }
    try {
      CoordinateSystem.parse(system);
    } catch (IllegalArgumentException e) {
      return "point.coordinate-system";
    }
    return null;
  }

  /** The prefecture-level code of a city or county code; {@code null} for a province. */
  static String cityOf(String code) {
    return code.endsWith("0000") ? null : code.substring(0, 4) + "00";
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private record Indexed(Boundary boundary, PreparedGeometry prepared) {}

  private static final class Holder {
    static final DivisionAssigner GUANGDONG = new DivisionAssigner(Boundaries.guangdongCities());
  }
}
