package cn.govdata.catalog.audit;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over the API. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit")
class AuditController {

  private final AuditLog audit;
  private final int maxPageSize;

  AuditController(AuditLog audit, GovdataProperties properties) {
    this.audit = audit;
    this.maxPageSize = properties.api().maxPageSize();
  }

  @GetMapping
  @Operation(
      summary =
          "Audit events, oldest first. Reviewers and administrators see all; a cataloguer sees"
              + " its own department's.")
  Page<AuditEvent> query(
      @Parameter(hidden = true) Caller caller,
      @RequestParam(required = false) Long entryId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) Long departmentId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime since,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime until,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Long department = departmentId;
    if (caller.is(Role.CATALOGUER)) {
      if (department != null && !Objects.equals(department, caller.departmentId())) {
        throw ApiException.forbidden(
            "department.isolation", "a cataloguer reads only its own department's audit trail");
      }
      department = caller.departmentId();
    } else if (!caller.seesAllDepartments()) {
      throw ApiException.forbidden("role.required", "the audit trail is for staff");
    }
    return audit.query(
        new AuditQuery(
            entryId,
            actor,
            action,
            department,
            since == null ? null : since.toInstant(),
            until == null ? null : until.toInstant()),
        Page.Request.of(page, size, maxPageSize));
  }
}
