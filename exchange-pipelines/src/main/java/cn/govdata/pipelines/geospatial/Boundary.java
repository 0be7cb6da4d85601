package cn.govdata.pipelines.geospatial;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The boundary of one administrative division.
 *
 * @param code the GB/T 2260 code
 * @param name the division's name, e.g. 佛山市
 * @param geometry a polygon or multipolygon in longitude/latitude degrees of {@link
 *     Boundaries#FRAME}
 */
public record Boundary(String code, String name, Geometry geometry) {

  private static final double KILOMETRES_PER_DEGREE = 111.32;

  public Boundary {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(geometry, "geometry");
  }

  /**
   * The area in square kilometres, with degrees scaled at the centroid's latitude: within 0.5 % for
   * a city-sized division, good enough for a statistics table, not for surveying.
   */
  public double areaSquareKilometres() {
    double latitude = Math.toRadians(geometry.getCentroid().getY());
    return geometry.getArea() * KILOMETRES_PER_DEGREE * KILOMETRES_PER_DEGREE * Math.cos(latitude);
  }
}
