package cn.govdata.pipelines.geospatial;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.pipelines.geospatial.Coordinates.Point;
import cn.govdata.pipelines.geospatial.DivisionAssigner.Assignment;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class DivisionAssignerTest {

  private final DivisionAssigner assigner = DivisionAssigner.guangdong();

  private String cityOf(double longitude, double latitude, CoordinateSystem system) {
    return assigner
        .locate(new Point(longitude, latitude), system)
        .map(Boundary::code)
        .orElse("none");
  }

  @Test
  void knownPlacesFallInTheirCities() {
    // GCJ-02 as a web map gives them
    assertThat(cityOf(113.1220, 23.0210, CoordinateSystem.GCJ02)).isEqualTo("440600"); // 禅城, 佛山
    assertThat(cityOf(113.3610, 23.1240, CoordinateSystem.GCJ02)).isEqualTo("440100"); // 天河, 广州
    assertThat(cityOf(114.0550, 22.5410, CoordinateSystem.GCJ02)).isEqualTo("440300"); // 福田, 深圳
    assertThat(cityOf(116.6820, 23.3540, CoordinateSystem.GCJ02)).isEqualTo("440500"); // 汕头
    assertThat(cityOf(110.3590, 21.2710, CoordinateSystem.GCJ02)).isEqualTo("440800"); // 湛江
  }

  @Test
  void pointsInOtherFramesAreConvertedBeforeTheLookup() {
    Point cantonTower = new Point(113.3245, 23.1064); // GCJ-02
    assertThat(
            cityOf(
                Coordinates.gcj02ToBd09(cantonTower).longitude(),
                Coordinates.gcj02ToBd09(cantonTower).latitude(),
                CoordinateSystem.BD09))
        .isEqualTo("440100");
    Point wgs = Coordinates.gcj02ToWgs84(cantonTower);
    assertThat(cityOf(wgs.longitude(), wgs.latitude(), CoordinateSystem.WGS84)).isEqualTo("440100");
    assertThat(cityOf(wgs.longitude(), wgs.latitude(), CoordinateSystem.CGCS2000))
        .isEqualTo("440100");
  }

  @Test
  void theSeaAndOtherProvincesAreInNoDivision() {
    assertThat(cityOf(114.0, 21.0, CoordinateSystem.GCJ02)).isEqualTo("none"); // South China Sea
    assertThat(cityOf(110.33, 20.03, CoordinateSystem.GCJ02)).isEqualTo("none"); // 海口, Hainan
    assertThat(cityOf(116.40, 39.90, CoordinateSystem.GCJ02)).isEqualTo("none"); // Beijing
  }

  @Test
  void aPointOnTheSharedEdgeOfGuangzhouAndFoshanGoesToTheLowerCodeEveryTime() {
    Map<String, Geometry> cities =
        Boundaries.guangdongCities().stream()
            .collect(Collectors.toMap(Boundary::code, Boundary::geometry));
    Geometry sharedEdge =
        cities.get("440100").getBoundary().intersection(cities.get("440600").getBoundary());
    assertThat(sharedEdge.isEmpty()).as("广州 and 佛山 share a border").isFalse();
    Coordinate onEdge = sharedEdge.getCoordinates()[sharedEdge.getNumPoints() / 2];
    var point = Boundaries.geometryFactory().createPoint(onEdge);
    assertThat(cities.get("440100").covers(point)).isTrue();
    assertThat(cities.get("440600").covers(point)).isTrue();

    for (int i = 0; i < 3; i++) {
      assertThat(cityOf(onEdge.x, onEdge.y, Boundaries.FRAME)).isEqualTo("440100");
    }
  }

  @Test
  void recordsWithoutAUsablePointFallBackToTheirAddress() {
    Assignment byPoint = assigner.assign("113.1220", "23.0210", "GCJ-02", "广东省广州市天河区体育西路1号");
    assertThat(byPoint).isEqualTo(new Assignment("440600", "440600", "point", null));

    Assignment byAddress = assigner.assign(null, null, null, "广东省佛山市南海区桂城街道海三路2号");
    assertThat(byAddress).isEqualTo(new Assignment("440605", "440600", "address", null));

    Assignment atSea = assigner.assign("114.0", "21.0", "gcj02", "佛山市顺德区大良街道1号");
    assertThat(atSea.cityCode()).isEqualTo("440600");
    assertThat(atSea.method()).isEqualTo("address");
    assertThat(atSea.rule()).isEqualTo("point.outside-boundaries");
  }

  @Test
  void unusablePointsAreNamedByTheRuleTheyBreak() {
    assertThat(assigner.assign("113,12", "23.02", "GCJ02", null).rule())
        .isEqualTo("point.coordinates-format");
    assertThat(assigner.assign("213.12", "23.02", "GCJ02", null).rule())
        .isEqualTo("point.out-of-range");
    assertThat(assigner.assign("113.12", "23.02", "EPSG:3857", null).rule())
        .isEqualTo("point.coordinate-system");
    assertThat(assigner.assign("113.12", "", "GCJ02", null).rule())
        .isEqualTo("point.coordinates-format");
    assertThat(assigner.assign(null, null, null, "   ").rule()).isEqualTo("location.missing");
    assertThat(assigner.assign(null, null, null, "火星基地1号").rule())
        .isEqualTo("address.division-unknown");
  }
}
