package cn.govdata.catalog.subscription;

import cn.govdata.catalog.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions of approved applications, and the exchange agents' side of deliveries. */
@RestController
@Tag(name = "subscriptions")
class SubscriptionController {

  private final SubscriptionService subscriptions;

  SubscriptionController(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @PostMapping("/api/v1/subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Subscribe to an approved application's data (the applicant side)")
  Subscription subscribe(
      @Parameter(hidden = true) Caller caller, @RequestBody SubscriptionRequest request) {
    return subscriptions.subscribe(caller, request);
  }

  @GetMapping("/api/v1/subscriptions")
  List<Subscription> list(@Parameter(hidden = true) Caller caller) {
    return subscriptions.list(caller);
  }

  @GetMapping("/api/v1/subscriptions/due")
  @Operation(summary = "Deliveries due now (the providing department's exchange agent)")
  List<DueDelivery> due(@Parameter(hidden = true) Caller caller) {
    return subscriptions.due(caller);
  }

  @GetMapping("/api/v1/subscriptions/{id:\\d+}")
  Subscription get(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return subscriptions.get(caller, id);
  }

  @GetMapping("/api/v1/subscriptions/{id:\\d+}/deliveries")
  List<Delivery> deliveries(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return subscriptions.deliveries(caller, id);
  }

  @PostMapping("/api/v1/deliveries/{deliveryId}/status")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Report a delivery's state (the providing department's exchange agent)")
  void report(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String deliveryId,
      @RequestBody DeliveryReport report) {
    subscriptions.report(caller, deliveryId, report);
  }
}
