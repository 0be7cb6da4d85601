package cn.govdata.catalog.region;

import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.Region;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GB/T 2260 administrative divisions (行政区划), public reference data. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions")
class RegionController {

  private final Gb2260Regions regions;

  RegionController(Gb2260Regions regions) {
    this.regions = regions;
  }

  record RegionView(
      String code,
      String name,
      String parentCode,
      String level,
      boolean current,
      String successorCode) {
    static RegionView of(Region region) {
      return new RegionView(
          region.code(),
          region.name(),
          region.parentCode(),
          region.level().name(),
          region.isCurrent(),
          region.successorCode());
    }
  }

  /** The provinces. */
  @GetMapping
  List<RegionView> provinces() {
    return regions.all().stream()
        .filter(r -> r.parentCode() == null && r.isCurrent())
        .map(RegionView::of)
        .toList();
  }

  @GetMapping("/{code}")
  RegionView region(@PathVariable String code) {
    return regions
        .find(code)
        .map(RegionView::of)
        .orElseThrow(() -> ApiException.notFound("region", code));
  }

  @GetMapping("/{code}/children")
  List<RegionView> children(@PathVariable String code) {
    if (regions.find(code).isEmpty()) {
      throw ApiException.notFound("region", code);
    }
    return regions.children(code).stream().map(RegionView::of).toList();
  }
}
