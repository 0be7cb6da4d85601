package cn.govdata.catalog.application;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.Page;
import cn.govdata.governance.validation.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications for 有条件共享 and 有条件开放 resources (共享申请, 开放申请) and their decisions. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "applications")
class ApplicationController {

  private final ApplicationService applications;
  private final int maxPageSize;

  ApplicationController(ApplicationService applications, GovdataProperties properties) {
    this.applications = applications;
    this.maxPageSize = properties.api().maxPageSize();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Apply: department staff for another department's 有条件共享 entry, a registered member"
              + " of the public (developer account) for 有条件开放 data")
  Application apply(
      @Parameter(hidden = true) Caller caller, @RequestBody ApplicationRequest request) {
    return applications.apply(caller, request);
  }

  @GetMapping
  @Operation(summary = "Applications the caller made or decides, newest first")
  Page<Application> list(
      @Parameter(hidden = true) Caller caller,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return applications.list(
        caller, status == null ? null : status(status), Page.Request.of(page, size, maxPageSize));
  }

  @GetMapping("/{id}")
  Application get(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return applications.get(caller, id);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Every step of the application, as both sides see it")
  List<ApplicationStep> history(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return applications.history(caller, id);
  }

  @PostMapping("/{id}/approve")
  @Operation(
      summary = "Approve, possibly granting fewer items, regions or days; recompiles the policies")
  Application approve(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody(required = false) Decision decision) {
    return applications.approve(
        caller, id, decision == null ? Decision.reasonOnly(null) : decision);
  }

  @PostMapping("/{id}/refuse")
  @Operation(summary = "Refuse, with a reason")
  Application refuse(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody Decision decision) {
    return applications.refuse(caller, id, decision);
  }

  @PostMapping("/{id}/revoke")
  @Operation(summary = "Withdraw an approval, with a reason; recompiles the policies")
  Application revoke(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody Decision decision) {
    return applications.revoke(caller, id, decision);
  }

  private static ApplicationStatus status(String text) {
    try {
      return ApplicationStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "status", "enum", "status must be one of " + Arrays.toString(ApplicationStatus.values()));
    }
  }
}
