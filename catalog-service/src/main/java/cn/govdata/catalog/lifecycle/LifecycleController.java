package cn.govdata.catalog.lifecycle;

import cn.govdata.catalog.directory.EntryView;
import cn.govdata.catalog.security.Caller;
import cn.govdata.governance.validation.Checks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lifecycle moves and open batch assignment of an entry. */
@RestController
@RequestMapping("/api/v1/entries/{id}")
@Tag(name = "lifecycle")
class LifecycleController {

  private final LifecycleService lifecycle;

  LifecycleController(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  record BatchAssignment(Integer openBatch) {
    BatchAssignment {
      Checks.required(openBatch, "openBatch");
    }
  }

  @PostMapping("/transitions")
  @Operation(
      summary =
          "Move the entry: SUBMITTED, APPROVED, RETURNED (reason required), PUBLISHED (openBatch"
              + " for open-list entries), RETIRED. Forbidden moves are 409.")
  EntryView move(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody Transition transition) {
    return EntryView.of(lifecycle.move(caller, id, transition));
  }

  @PutMapping("/open-batch")
  @Operation(summary = "Assign an open-list entry to an open batch (reviewers, administrators)")
  EntryView assignBatch(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody BatchAssignment assignment) {
    return EntryView.of(lifecycle.assignBatch(caller, id, assignment.openBatch()));
  }
}
