package cn.govdata.pipelines.geospatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchartsMapTest {

  /** Our own encoder for the test: quantise, delta to the previous point, zigzag, offset by 64. */
  private static String encode(double[][] ring, int[] offset) {
    StringBuilder text = new StringBuilder();
    int previousX = offset[0];
    int previousY = offset[1];
    for (double[] point : ring) {
      int x = (int) Math.round(point[0] * 1024);
      int y = (int) Math.round(point[1] * 1024);
      text.append((char) (zigzag(x - previousX) + 64)).append((char) (zigzag(y - previousY) + 64));
      previousX = x;
      previousY = y;
    }
    return text.toString();
  }

  private static int zigzag(int value) {
    return (value << 1) ^ (value >> 31);
  }

  @Test
  void zigzagDecodingMapsSmallUnsignedNumbersToAlternatingSigns() {
    assertThat(List.of(0, 1, 2, 3, 4, 5))
        .map(EchartsMap::unzigzag)
        .containsExactly(0, -1, 1, -2, 2, -3);
  }

  @Test
  void decodesACompressedPolygonToWithinTheQuantisationStep() {
    double[][] square = {{113.0, 23.0}, {113.01, 23.0}, {113.01, 23.01}, {113.0, 23.01}};
    int[] offset = {113 * 1024, 23 * 1024};
    String json =
        "{\"type\":\"FeatureCollection\",\"UTF8Encoding\":true,\"features\":[{\"id\":\"440600\","
            + "\"properties\":{\"name\":\"佛山市\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
            + quoted(encode(square, offset))
            + "],\"encodeOffsets\":[["
            + offset[0]
            + ","
            + offset[1]
            + "]]}}]}";

    List<Boundary> boundaries =
        EchartsMap.read(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            "test",
            Boundaries.geometryFactory());

    assertThat(boundaries)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.code()).isEqualTo("440600");
              assertThat(b.name()).isEqualTo("佛山市");
              // closed by the reader: four corners plus the first again
              assertThat(b.geometry().getCoordinates()).hasSize(5);
              assertThat(b.geometry().getCoordinates()[2].x).isCloseTo(113.01, within(1 / 1024.0));
              assertThat(b.geometry().getCoordinates()[2].y).isCloseTo(23.01, within(1 / 1024.0));
              // 0.01° × 0.01° at 23° N ≈ 1.14 km²
              assertThat(b.areaSquareKilometres()).isCloseTo(1.14, within(0.1));
            });
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void rejectsAFeatureWithoutADivisionCode() {
    String json =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"id\":\"Foshan\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}";
    assertThatThrownBy(
            () ->
                EchartsMap.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "bad.json",
                    Boundaries.geometryFactory()))
        .hasMessageContaining("bad.json")
        .hasMessageContaining("six-digit");
  }

  @Test
  void theShippedGuangdongMapHasTheProvincesTwentyOneCities() {
    List<Boundary> cities = Boundaries.guangdongCities();
    assertThat(cities).hasSize(21);
    assertThat(cities).allSatisfy(c -> assertThat(c.geometry().isValid()).isTrue());
    assertThat(cities.stream().mapToDouble(Boundary::areaSquareKilometres).sum())
        // Guangdong's land area is about 179,800 km²; simplified outlines land near it
        .isBetween(165_000.0, 195_000.0);
  }
}
