package cn.govdata.pipelines.geospatial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The division boundaries the platform ships: Guangdong's 21 prefecture-level cities, decoded from
 * the echarts 4.9.0 map {@code guangdong.json}, which the build fetches from the npm registry into
 * the classpath (it is not in the repository). echarts has no district-level map of Guangdong, so
 * points are assigned to cities; districts come from addresses.
 */
public final class Boundaries {

  /**
   * The frame the boundaries are drawn in. echarts does not document it; its China maps are drawn
   * for the public web maps, which must use GCJ-02, and their 1/1024° quantisation (≈ 100 m) and
   * simplification are coarser than the choice would matter for most points.
   */
  public static final CoordinateSystem FRAME = CoordinateSystem.GCJ02;

  static final String GUANGDONG = "/cn/govdata/pipelines/geospatial/guangdong.json";
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private Boundaries() {}

  /** Guangdong's cities; the list is decoded once per JVM and shared (geometries are immutable). */
  public static List<Boundary> guangdongCities() {
    return Holder.GUANGDONG_CITIES;
  }

  static List<Boundary> load(String resource) {
    try (InputStream in = Boundaries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "boundary file "
                + resource
                + " is not on the classpath: the exchange-pipelines build fetches it from the"
                + " echarts npm package in generate-resources; rebuild the module");
      }
      return EchartsMap.read(in, resource, FACTORY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GeometryFactory geometryFactory() {
    return FACTORY;
  }

  private static final class Holder {
    static final List<Boundary> GUANGDONG_CITIES = load(GUANGDONG);
  }
}
