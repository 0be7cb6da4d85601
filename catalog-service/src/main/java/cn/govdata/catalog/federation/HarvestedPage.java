package cn.govdata.catalog.federation;

import cn.govdata.catalog.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's 下级目录 page: what the node harvested from the cities below it. */
@Controller
class HarvestedPage {

  static final int PAGE_SIZE = 100;

  private final HarvestService harvests;

  HarvestedPage(HarvestService harvests) {
    this.harvests = harvests;
  }

  @GetMapping("/federation")
  String harvested(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Page<HarvestedEntry> entries =
        harvests.entries(null, q, false, Page.Request.of(page, PAGE_SIZE, PAGE_SIZE));
    model.addAttribute("entries", entries);
    model.addAttribute("q", q);
    return "portal/federation";
  }
}
