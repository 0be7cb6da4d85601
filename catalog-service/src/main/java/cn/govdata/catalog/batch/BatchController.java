package cn.govdata.catalog.batch;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Open batches (开放批次): public to read, planned by governance administrators. */
@RestController
@RequestMapping("/api/v1/batches")
@Tag(name = "open batches")
class BatchController {

  private final BatchRepository batches;

  BatchController(BatchRepository batches) {
    this.batches = batches;
  }

  /**
   * A batch as planned.
   *
   * @param title what the batch is called
   * @param plannedDate when it is planned to open
   * @param actualDate when it opened; only on update
   */
  record BatchPlan(String title, LocalDate plannedDate, LocalDate actualDate) {
    BatchPlan {
      title = Checks.requiredText(title, "title", 200);
      Checks.required(plannedDate, "plannedDate");
    }
  }

  @GetMapping
  List<OpenBatch> list() {
    return batches.list();
  }

  @GetMapping("/{number}")
  OpenBatch get(@PathVariable int number) {
    return batches
        .findByNumber(number)
        .orElseThrow(() -> ApiException.notFound("open batch", number));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  OpenBatch create(@Parameter(hidden = true) Caller caller, @RequestBody BatchPlan plan) {
    requireAdmin(caller);
    if (plan.actualDate() != null) {
      throw new InvalidFieldException(
          "actualDate", "batch.actual-on-release", "a new batch has not opened yet");
    }
    return batches.create(plan.title(), plan.plannedDate());
  }

  @PutMapping("/{number}")
  @Transactional
  OpenBatch update(
      @Parameter(hidden = true) Caller caller,
      @PathVariable int number,
      @RequestBody BatchPlan plan) {
    requireAdmin(caller);
    get(number);
    batches.update(number, plan.title(), plan.plannedDate(), plan.actualDate());
    return get(number);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.governance-admin", "only a governance administrator plans open batches");
    }
  }
}
