package cn.govdata.catalog.console;

import cn.govdata.catalog.application.ApplicationService;
import cn.govdata.catalog.audit.AuditEvent;
import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.audit.AuditQuery;
import cn.govdata.catalog.batch.BatchRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.directory.EntryFilter;
import cn.govdata.catalog.lifecycle.LifecycleService;
import cn.govdata.catalog.lifecycle.Transition;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Page;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.validation.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console (工作台) at {@code /console}, behind the form login: the review queue with
 * approve, return (with a reason) and publish, open batch planning, list exports, the audit trail
 * and the applications for conditional data. Every action goes through the same services as the
 * API, so the same role and department rules apply.
 */
@Controller
@RequestMapping("/console")
class ConsoleController {

  static final int QUEUE_SIZE = 100;
  static final int AUDIT_SIZE = 50;

  private final DirectoryService directory;
  private final LifecycleService lifecycle;
  private final BatchRepository batches;
  private final AuditLog audit;
  private final ApplicationService applications;

  ConsoleController(
      DirectoryService directory,
      LifecycleService lifecycle,
      BatchRepository batches,
      AuditLog audit,
      ApplicationService applications) {
    this.directory = directory;
    this.lifecycle = lifecycle;
    this.batches = batches;
    this.audit = audit;
    this.applications = applications;
  }

  @GetMapping
  String queue(Caller caller, Model model) {
    model.addAttribute("caller", caller);
    model.addAttribute("submitted", inStatus(caller, LifecycleStatus.SUBMITTED));
    model.addAttribute("approved", inStatus(caller, LifecycleStatus.APPROVED));
    model.addAttribute("batches", batches.list());
    model.addAttribute("reviewer", caller.is(Role.REVIEWER) || caller.is(Role.GOVERNANCE_ADMIN));
    return "console/queue";
  }

  @PostMapping("/entries/{id:\\d{1,18}}/approve")
  String approve(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
    Entry entry = lifecycle.move(caller, id, new Transition(LifecycleStatus.APPROVED, null, null));
    redirect.addFlashAttribute("done", "已通过 Approved: " + entry.resource().name());
    return "redirect:/console";
  }

  @PostMapping("/entries/{id:\\d{1,18}}/return")
  String giveBack(
      Caller caller,
      @PathVariable long id,
      @RequestParam(name = "reason", required = false) String reason,
      RedirectAttributes redirect) {
    Entry entry =
        lifecycle.move(caller, id, new Transition(LifecycleStatus.RETURNED, reason, null));
    redirect.addFlashAttribute("done", "已退回 Returned: " + entry.resource().name());
    return "redirect:/console";
  }

  @PostMapping("/entries/{id:\\d{1,18}}/publish")
  String publish(
      Caller caller,
      @PathVariable long id,
      @RequestParam(name = "openBatch", required = false) Integer openBatch,
      RedirectAttributes redirect) {
    Entry entry =
        lifecycle.move(caller, id, new Transition(LifecycleStatus.PUBLISHED, null, openBatch));
    redirect.addFlashAttribute("done", "已发布 Published: " + entry.resource().name());
    return "redirect:/console";
  }

  @GetMapping("/batches")
  String batches(Caller caller, Model model) {
    model.addAttribute("batches", batches.list());
    model.addAttribute("admin", caller.is(Role.GOVERNANCE_ADMIN));
    return "console/batches";
  }

  @PostMapping("/batches")
  @Transactional
  String planBatch(
      Caller caller,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "plannedDate", required = false) String plannedDate,
      RedirectAttributes redirect) {
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.governance-admin", "only a governance administrator plans open batches");
    }
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new InvalidFieldException(
          "title", "required", "title is required, at most 200 characters");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(plannedDate == null ? "" : plannedDate.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          "plannedDate", "date", "plannedDate must be a date like 2026-12-01");
    }
    batches.create(title.strip(), date);
    redirect.addFlashAttribute("done", "已计划 Planned: " + title.strip());
    return "redirect:/console/batches";
  }

  @GetMapping("/audit")
  String audit(Caller caller, Model model) {
    AuditQuery query =
        new AuditQuery(
            null,
            null,
            null,
            caller.is(Role.CATALOGUER) ? caller.departmentId() : null,
            null,
            null);
    Page<AuditEvent> first = audit.query(query, Page.Request.of(0, AUDIT_SIZE, AUDIT_SIZE));
    int last = (int) Math.max(0, (first.total() - 1) / AUDIT_SIZE);
    Page<AuditEvent> newest =
        last == 0 ? first : audit.query(query, Page.Request.of(last, AUDIT_SIZE, AUDIT_SIZE));
    java.util.List<AuditEvent> events = new java.util.ArrayList<>(newest.items());
    java.util.Collections.reverse(events);
    model.addAttribute("events", events);
    model.addAttribute("total", first.total());
    return "console/audit";
  }

  @GetMapping("/applications")
  String applications(Caller caller, Model model) {
    // the same applications the caller sees through the API: a department its own and those it
    // decides, reviewers and administrators all
    model.addAttribute(
        "applications",
        applications.list(caller, null, Page.Request.of(0, QUEUE_SIZE, QUEUE_SIZE)).items());
    return "console/applications";
  }

  @ExceptionHandler({ApiException.class, InvalidFieldException.class})
  String failed(RuntimeException e, Model model, HttpServletResponse response) {
    response.setStatus(
        e instanceof ApiException api ? api.status().value() : HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("message", e.getMessage());
    return "console/error";
  }

  private java.util.List<Entry> inStatus(Caller caller, LifecycleStatus status) {
    EntryFilter filter =
        EntryFilter.parse(null, null, null, null, null, null, null, status.name(), null, null);
    return directory.search(caller, filter, 0, QUEUE_SIZE).items();
  }
}
