package cn.govdata.catalog.subscription;

import cn.govdata.catalog.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's 交付 page: the newest deliveries the signed-in staff member may see. */
@Controller
class DeliveryConsole {

  static final int SIZE = 200;

  private final SubscriptionService subscriptions;

  DeliveryConsole(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping("/console/deliveries")
  String deliveries(Caller caller, Model model) {
    model.addAttribute("deliveries", subscriptions.recentDeliveries(caller, SIZE));
    return "console/deliveries";
  }
}
