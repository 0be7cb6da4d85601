package cn.govdata.pipelines.geospatial;

/**
 * Conversions between the coordinate systems Chinese data arrives in: WGS-84 (GPS; equal to the
 * national CGCS2000 frame at metre precision), GCJ-02 (国测局坐标, the obfuscated frame public maps must
 * use) and BD-09 (Baidu, on top of GCJ-02). The forward transforms are the published algorithms;
 * GCJ-02 → WGS-84 has no closed form and is solved by fixed-point iteration to below a millimetre.
 * Points outside China are not shifted, as the maps do not shift them.
 */
public final class Coordinates {

  /** A longitude/latitude pair in degrees. */
  public record Point(double longitude, double latitude) {
    public Point {
      if (!(longitude >= -180 && longitude <= 180) || !(latitude >= -90 && latitude <= 90)) {
        throw new IllegalArgumentException(
            "coordinates out of range: longitude " + longitude + ", latitude " + latitude);
      }
    }
  }

  private static final double KRASOVSKY_A = 6378245.0;
  private static final double KRASOVSKY_EE = 0.00669342162296594323;
  private static final double X_PI = Math.PI * 3000.0 / 180.0;

  private Coordinates() {}

  /** The rough box the GCJ-02 shift applies in. */
  public static boolean insideChina(Point point) {
    return point.longitude() >= 72.004
        && point.longitude() <= 137.8347
        && point.latitude() >= 0.8293
        && point.latitude() <= 55.8271;
  }

  public static Point wgs84ToGcj02(Point wgs) {
    if (!insideChina(wgs)) {
      return wgs;
    }
    double[] delta = delta(wgs.longitude(), wgs.latitude());
    return new Point(wgs.longitude() + delta[0], wgs.latitude() + delta[1]);
  }

  /** Inverts {@link #wgs84ToGcj02} by iteration: error below 1e-9 degrees (sub-millimetre). */
  public static Point gcj02ToWgs84(Point gcj) {
    if (!insideChina(gcj)) {
      return gcj;
    }
    double longitude = gcj.longitude();
    double latitude = gcj.latitude();
    for (int i = 0; i < 30; i++) {
      Point forward = wgs84ToGcj02(new Point(longitude, latitude));
      double dLongitude = forward.longitude() - gcj.longitude();
      double dLatitude = forward.latitude() - gcj.latitude();
      longitude -= dLongitude;
      latitude -= dLatitude;
      if (Math.abs(dLongitude) < 1e-10 && Math.abs(dLatitude) < 1e-10) {
        break;
      }
    }
    return new Point(longitude, latitude);
  }

  public static Point gcj02ToBd09(Point gcj) {
    double x = gcj.longitude();
    double y = gcj.latitude();
    double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
    return new Point(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
  }

  public static Point bd09ToGcj02(Point bd) {
    double x = bd.longitude() - 0.0065;
    double y = bd.latitude() - 0.006;
    double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
    return new Point(z * Math.cos(theta), z * Math.sin(theta));
  }

  public static Point wgs84ToBd09(Point wgs) {
    return gcj02ToBd09(wgs84ToGcj02(wgs));
  }

  public static Point bd09ToWgs84(Point bd) {
    return gcj02ToWgs84(bd09ToGcj02(bd));
  }

  private static double[] delta(double longitude, double latitude) {
    double x = longitude - 105.0;
    double y = latitude - 35.0;
    double dLatitude = transformLatitude(x, y);
    double dLongitude = transformLongitude(x, y);
    double radians = latitude / 180.0 * Math.PI;
    double magic = Math.sin(radians);
    magic = 1 - KRASOVSKY_EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLatitude =
        (dLatitude * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
    dLongitude = (dLongitude * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radians) * Math.PI);
    return new double[] {dLongitude, dLatitude};
  }

  private static double transformLatitude(double x, double y) {
    double result =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    result += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    result += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    result +=
        (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return result;
  }

  private static double transformLongitude(double x, double y) {
    double result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    result += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    result += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    result +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return result;
  }
}
