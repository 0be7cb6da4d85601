package cn.govdata.pipelines.geospatial;

import cn.govdata.pipelines.geospatial.Coordinates.Point;
import java.util.Locale;

/**
 * The frames points arrive in. CGCS2000 (the national geodetic frame) equals WGS-84 at the metre
 * precision that matters here, so it is converted like WGS-84.
 */
public enum CoordinateSystem {
  WGS84,
  CGCS2000,
  GCJ02,
  BD09;

  /** Reads the usual spellings: wgs84, WGS-84, CGCS2000, gcj02, GCJ-02, bd09, BD-09. */
  public static CoordinateSystem parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("coordinate system is missing");
    }
    String key = text.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (key) {
      case "WGS84", "GPS" -> WGS84;
      case "CGCS2000" -> CGCS2000;
      case "GCJ02" -> GCJ02;
      case "BD09", "BD09LL" -> BD09;
      default ->
          throw new IllegalArgumentException(
              "unknown coordinate system '" + text + "'; expected WGS84, CGCS2000, GCJ02 or BD09");
    };
  }

  public Point toGcj02(Point point) {
    return switch (this) {
      case WGS84, CGCS2000 -> Coordinates.wgs84ToGcj02(point);
      case GCJ02 -> point;
      case BD09 -> Coordinates.bd09ToGcj02(point);
    };
  }

  public Point fromGcj02(Point gcj) {
    return switch (this) {
      case WGS84, CGCS2000 -> Coordinates.gcj02ToWgs84(gcj);
      case GCJ02 -> gcj;
      case BD09 -> Coordinates.gcj02ToBd09(gcj);
    };
  }
}
