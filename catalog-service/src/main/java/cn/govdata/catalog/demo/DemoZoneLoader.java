package cn.govdata.catalog.demo;

import cn.govdata.catalog.batch.BatchRepository;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.directory.EntryRepository;
import cn.govdata.catalog.lifecycle.LifecycleService;
import cn.govdata.catalog.lifecycle.Transition;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.security.UserRepository;
import cn.govdata.catalog.security.Users;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.Labelled;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.form.DirectoryForm;
import cn.govdata.governance.form.DirectoryFormReport;
import cn.govdata.governance.form.FormFormat;
import cn.govdata.governance.form.FormLimits;
import cn.govdata.governance.form.FormRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo zone, 佛山市 (440600): its departments, one cataloguer per department, a reviewer, an
 * administrator and a developer (accounts in docs/demo.md), and the directory form shipped in
 * governance, each entry walked through the lifecycle to the status its row names, with the open
 * list in two batches. Loads only into an empty directory, so restarts keep what is there.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "govdata.demo.enabled", havingValue = "true")
class DemoZoneLoader implements ApplicationRunner {

  /** The password of every demo account; documented in docs/demo.md. Demo data only. */
  static final String DEMO_PASSWORD = "govdata-demo";

  /** The demo developer's API key; documented in docs/demo.md. Demo data only. */
  static final String DEMO_API_KEY = "gdk_demo_foshan_developer_key";

  private static final Logger log = LoggerFactory.getLogger(DemoZoneLoader.class);

  private final DepartmentRepository departments;
  private final UserRepository userRepository;
  private final Users users;
  private final BatchRepository batches;
  private final EntryRepository entries;
  private final DirectoryService directory;
  private final LifecycleService lifecycle;
  private final TransactionTemplate transaction;

  DemoZoneLoader(
      DepartmentRepository departments,
      UserRepository userRepository,
      Users users,
      BatchRepository batches,
      EntryRepository entries,
      DirectoryService directory,
      LifecycleService lifecycle,
      PlatformTransactionManager transactions) {
    this.departments = departments;
    this.userRepository = userRepository;
    this.users = users;
    this.batches = batches;
    this.entries = entries;
    this.directory = directory;
    this.lifecycle = lifecycle;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    // all or nothing: a half-loaded demo would be skipped on the next start
    transaction.executeWithoutResult(status -> load());
  }

  private void load() {
    if (entries.count() > 0) {
      log.info("demo zone: the directory already has entries; nothing loaded");
      return;
    }
    List<Department> zone = loadDepartments();
    Map<Long, Caller> cataloguers = loadUsers(zone);
    Caller reviewer = new Caller("reviewer", Role.REVIEWER, null);
    DirectoryFormReport form = readDirectory();
    Map<String, Integer> batchNumbers = createBatches(form);
    int firstBatch = batchNumbers.values().iterator().next();
    int loaded = 0;
    for (FormRow row : form.rows()) {
      InformationResource resource = row.resource().withCode(null);
      Department department =
          departments
              .findByCreditCode(resource.provider().creditCode())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "demo row " + row.rowNumber() + " names an unknown department"));
      Caller cataloguer = cataloguers.get(department.id());
      Entry entry = directory.create(cataloguer, resource);
      LifecycleStatus target =
          row.status() == null ? LifecycleStatus.DRAFT : LifecycleStatus.valueOf(row.status());
      // open entries retired before the batches were planned count as released in the first
      Integer batch = resource.isOpen() ? batchNumbers.getOrDefault(row.batch(), firstBatch) : null;
      walk(entry.id(), target, cataloguer, reviewer, batch);
      loaded++;
    }
    log.info(
        "demo zone loaded: {} departments, {} entries, {} open batches",
        zone.size(),
        loaded,
        batches.list().size());
  }

  /** Moves a new draft along the lifecycle to {@code target}, as the roles would. */
  private void walk(
      long id, LifecycleStatus target, Caller cataloguer, Caller reviewer, Integer batch) {
    if (target == LifecycleStatus.DRAFT) {
      return;
    }
    lifecycle.move(cataloguer, id, new Transition(LifecycleStatus.SUBMITTED, null, null));
    switch (target) {
      case SUBMITTED, DRAFT -> {}
      case RETURNED ->
          lifecycle.move(
              reviewer, id, new Transition(LifecycleStatus.RETURNED, "信息项描述不完整，请补充数据类型和长度", null));
      case APPROVED -> approve(reviewer, id);
      case PUBLISHED, RETIRED -> {
        approve(reviewer, id);
        lifecycle.move(reviewer, id, new Transition(LifecycleStatus.PUBLISHED, null, batch));
        if (target == LifecycleStatus.RETIRED) {
          lifecycle.move(
              cataloguer, id, new Transition(LifecycleStatus.RETIRED, "数据已由新资源替代", null));
        }
      }
    }
  }

  private void approve(Caller reviewer, long id) {
    lifecycle.move(reviewer, id, new Transition(LifecycleStatus.APPROVED, null, null));
  }

  /**
   * Creates the open batches the form's 开放批次 column names (e.g. {@code 2026-01}), in order, planned
   * for the end of that month; the first has opened, the later ones are planned.
   */
  private Map<String, Integer> createBatches(DirectoryFormReport form) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    form.rows().stream()
        .map(FormRow::batch)
        .filter(b -> b != null && !b.isBlank())
        .distinct()
        .sorted()
        .forEach(
            name -> {
              LocalDate planned = plannedDate(name, numbers.size());
              int number = batches.create(name, planned).number();
              if (number == 1) {
                batches.update(number, name, planned, planned.minusDays(3));
              }
              numbers.put(name, number);
            });
    if (numbers.isEmpty()) {
      numbers.put("2026-01", batches.create("2026-01", LocalDate.of(2026, 1, 31)).number());
    }
    return numbers;
  }

  private static LocalDate plannedDate(String name, int index) {
    try {
      return YearMonth.parse(name).atEndOfMonth();
    } catch (DateTimeParseException e) {
      return LocalDate.of(2026, 3, 31).plusMonths(6L * index);
    }
  }

  private List<Department> loadDepartments() {
    List<Department> zone = new ArrayList<>();
    try (Reader reader = resource("demo/departments.csv")) {
      for (CSVRecord record :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        ProviderDepartment department =
            new ProviderDepartment(
                record.get("name"),
                record.get("credit_code"),
                record.get("region_code"),
                Labelled.parse(AdministrativeLevel.class, record.get("level"), "level"));
        zone.add(
            departments
                .findByCreditCode(department.creditCode())
                .orElseGet(() -> departments.create(department)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zone;
  }

  /** cataloguer01… in the order of departments.csv, plus admin, reviewer and developer. */
  private Map<Long, Caller> loadUsers(List<Department> zone) {
    createIfMissing("admin", Role.GOVERNANCE_ADMIN, null);
    createIfMissing("reviewer", Role.REVIEWER, null);
    if (!userRepository.exists("developer")) {
      createIfMissing("developer", Role.DEVELOPER, null);
      users.registerApiKey("developer", DEMO_API_KEY, "demo key");
    }
    Map<Long, Caller> cataloguers = new LinkedHashMap<>();
    for (int i = 0; i < zone.size(); i++) {
      String username = String.format("cataloguer%02d", i + 1);
      createIfMissing(username, Role.CATALOGUER, zone.get(i).id());
      cataloguers.put(zone.get(i).id(), new Caller(username, Role.CATALOGUER, zone.get(i).id()));
    }
    return cataloguers;
  }

  private void createIfMissing(String username, Role role, Long departmentId) {
    if (!userRepository.exists(username)) {
      users.create(username, DEMO_PASSWORD, role, departmentId);
    }
  }

  private DirectoryFormReport readDirectory() {
    try (InputStream in = stream("demo/directory.csv")) {
      DirectoryFormReport report = DirectoryForm.read(in, FormFormat.CSV, FormLimits.defaults());
      if (report.hasErrors()) {
        throw new IllegalStateException(
            "the shipped demo directory has errors: "
                + report.fileErrors()
                + report.rows().stream().filter(r -> !r.isValid()).limit(3).toList());
      }
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader resource(String path) throws IOException {
    return new InputStreamReader(
        BOMInputStream.builder().setInputStream(stream(path)).get(), StandardCharsets.UTF_8);
  }

  private static InputStream stream(String path) throws IOException {
    InputStream in = DemoZoneLoader.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("the demo zone file " + path + " is not on the classpath");
    }
    return in;
  }
}
