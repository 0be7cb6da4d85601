package cn.govdata.pipelines.geospatial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Reads the map files the npm package echarts ships ({@code map/json/province/*.json}): GeoJSON
 * feature collections whose feature {@code id} is the GB/T 2260 code and whose rings, when the
 * collection says {@code "UTF8Encoding": true}, are compressed into strings.
 *
 * <p>The compression, as echarts 4 decodes it: each ring is a string of character pairs (x, y);
 * every character minus 64 is a zigzag-encoded integer (0, -1, 1, -2 … as 0, 1, 2, 3 …), the
 * difference to the previous point; the ring's first point is relative to its {@code encodeOffsets}
 * pair; the integers are degrees times the scale ({@code UTF8Scale}, default 1024). So coordinates
 * are quantised to 1/1024 degree, about 100 m.
 */
public final class EchartsMap {

  private static final int DEFAULT_SCALE = 1024;
  private static final int CHARACTER_OFFSET = 64;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EchartsMap() {}

  /** The boundaries in a map file; {@code name} is only used in error messages. */
  public static List<Boundary> read(InputStream in, String name, GeometryFactory factory) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the echarts map " + name, e);
    }
    if (root == null || !root.path("features").isArray()) {
      throw new IllegalArgumentException(name + ": not a GeoJSON feature collection");
    }
    boolean encoded = root.path("UTF8Encoding").asBoolean(false);
    int scale = root.path("UTF8Scale").asInt(DEFAULT_SCALE);
    List<Boundary> boundaries = new ArrayList<>();
    for (JsonNode feature : root.path("features")) {
      String code = feature.path("id").asText(feature.path("properties").path("adcode").asText());
      String featureName = feature.path("properties").path("name").asText(code);
      if (!code.matches("\\d{6}")) {
        throw new IllegalArgumentException(
            name + ": feature " + featureName + " has no six-digit GB/T 2260 id: '" + code + "'");
      }
      JsonNode geometry = feature.path("geometry");
      JsonNode coordinates = geometry.path("coordinates");
      JsonNode offsets = geometry.path("encodeOffsets");
      List<Polygon> polygons = new ArrayList<>();
      switch (geometry.path("type").asText()) {
        case "Polygon" -> polygons.add(polygon(coordinates, offsets, encoded, scale, factory));
        case "MultiPolygon" -> {
          for (int i = 0; i < coordinates.size(); i++) {
            polygons.add(polygon(coordinates.get(i), offsets.path(i), encoded, scale, factory));
          }
        }
        default ->
            throw new IllegalArgumentException(
                name + ": feature " + code + " has geometry " + geometry.path("type").asText());
      }
      Geometry shape =
          factory.createMultiPolygon(
              polygons.stream().filter(p -> p != null).toArray(Polygon[]::new));
      // simplified map outlines may touch themselves; fixing keeps every part, unlike buffer(0)
      if (!shape.isValid()) {
        shape = GeometryFixer.fix(shape);
      }
      boundaries.add(new Boundary(code, featureName, shape));
    }
    return List.copyOf(boundaries);
  }

  private static Polygon polygon(
      JsonNode rings, JsonNode offsets, boolean encoded, int scale, GeometryFactory factory) {
    List<LinearRing> linearRings = new ArrayList<>();
    for (int i = 0; i < rings.size(); i++) {
      Coordinate[] points =
          encoded
              ? decodeRing(rings.get(i).asText(), offsets.path(i), scale)
              : plainRing(rings.get(i));
      Coordinate[] closed = close(points);
      if (closed.length >= 4) {
        linearRings.add(factory.createLinearRing(closed));
      }
    }
    if (linearRings.isEmpty()) {
      return null;
    }
    return factory.createPolygon(
        linearRings.get(0), linearRings.subList(1, linearRings.size()).toArray(LinearRing[]::new));
  }

  /** Decodes one compressed ring (see the class comment). */
  static Coordinate[] decodeRing(String ring, JsonNode offset, int scale) {
    if (ring.length() % 2 != 0) {
      throw new IllegalArgumentException("compressed ring has an odd length " + ring.length());
    }
    if (!offset.isArray() || offset.size() != 2) {
      throw new IllegalArgumentException("ring without its encodeOffsets pair");
    }
    int x = offset.get(0).asInt();
    int y = offset.get(1).asInt();
    Coordinate[] points = new Coordinate[ring.length() / 2];
    for (int i = 0; i < points.length; i++) {
      x += unzigzag(ring.charAt(2 * i) - CHARACTER_OFFSET);
      y += unzigzag(ring.charAt(2 * i + 1) - CHARACTER_OFFSET);
      points[i] = new Coordinate((double) x / scale, (double) y / scale);
    }
    return points;
  }

  static int unzigzag(int value) {
    return (value >>> 1) ^ -(value & 1);
  }

  private static Coordinate[] plainRing(JsonNode ring) {
    Coordinate[] points = new Coordinate[ring.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
    }
    return points;
  }

  private static Coordinate[] close(Coordinate[] points) {
    if (points.length == 0 || points[0].equals2D(points[points.length - 1])) {
      return points;
    }
    Coordinate[] closed = java.util.Arrays.copyOf(points, points.length + 1);
    closed[points.length] = new Coordinate(points[0]);
    return closed;
  }
}
