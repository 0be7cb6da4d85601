package cn.govdata.pipelines.geospatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import cn.govdata.pipelines.geospatial.Coordinates.Point;
import org.junit.jupiter.api.Test;

class CoordinatesTest {

  private static final Point BEIJING = new Point(116.404, 39.915);
  private static final Point FOSHAN = new Point(113.1220, 23.0215);

  @Test
  void wgs84ToGcj02MatchesThePublishedReferenceValue() {
    Point gcj = Coordinates.wgs84ToGcj02(BEIJING);
    assertThat(gcj.longitude()).isCloseTo(116.41024449916938, offset(1e-9));
    assertThat(gcj.latitude()).isCloseTo(39.91640428150164, offset(1e-9));
  }

  @Test
  void gcj02ToBd09MatchesThePublishedReferenceValue() {
    Point bd = Coordinates.gcj02ToBd09(BEIJING);
    assertThat(bd.longitude()).isCloseTo(116.41036949371029, offset(1e-9));
    assertThat(bd.latitude()).isCloseTo(39.92133699351021, offset(1e-9));
  }

  @Test
  void gcj02ToWgs84InvertsTheForwardTransformToBelowAMillimetre() {
    Point back = Coordinates.gcj02ToWgs84(Coordinates.wgs84ToGcj02(FOSHAN));
    assertThat(back.longitude()).isCloseTo(FOSHAN.longitude(), offset(1e-8));
    assertThat(back.latitude()).isCloseTo(FOSHAN.latitude(), offset(1e-8));
    Point bdBack = Coordinates.bd09ToWgs84(Coordinates.wgs84ToBd09(FOSHAN));
    assertThat(bdBack.longitude()).isCloseTo(FOSHAN.longitude(), offset(1e-6));
    assertThat(bdBack.latitude()).isCloseTo(FOSHAN.latitude(), offset(1e-6));
  }

  @Test
  void theShiftInsideChinaIsHundredsOfMetres() {
    Point gcj = Coordinates.wgs84ToGcj02(FOSHAN);
    double metresEast =
        (gcj.longitude() - FOSHAN.longitude())
            * 111_320
            * Math.cos(Math.toRadians(FOSHAN.latitude()));
    double metresNorth = (gcj.latitude() - FOSHAN.latitude()) * 110_540;
    assertThat(Math.hypot(metresEast, metresNorth)).isBetween(100.0, 900.0);
  }

  @Test
  void pointsOutsideChinaAreNotShifted() {
    Point london = new Point(-0.1276, 51.5072);
    assertThat(Coordinates.wgs84ToGcj02(london)).isEqualTo(london);
    assertThat(Coordinates.gcj02ToWgs84(london)).isEqualTo(london);
  }

  @Test
  void outOfRangeCoordinatesAreRefused() {
    assertThatThrownBy(() -> new Point(200, 10)).hasMessageContaining("longitude 200");
  }
}
