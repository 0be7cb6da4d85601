package cn.govdata.catalog.application;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.policy.ApprovedApplication;
import cn.govdata.governance.policy.CompiledPolicy;
import cn.govdata.governance.policy.PlatformGroups;
import cn.govdata.governance.policy.PolicyCompiler;
import cn.govdata.governance.policy.PolicyInput;
import cn.govdata.governance.policy.PublishedTable;
import cn.govdata.governance.policy.RangerImport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Compiles the directory and the approved applications into Ranger policies and writes them to
 * {@code govdata.home/policies/policies.json}, the file the SQL gateway reads ({@code
 * spark.govdata.policy.file}). The file is replaced atomically, so a reader sees the old or the new
 * policies, never half of them.
 *
 * <p>The governance compiler grants an approved application every column and the rows the
 * applicant's region allows; an approval that narrowed the items or the regions is applied here, on
 * the compiled policies: the application's table policy names only the granted columns, the table's
 * row filter gets an item for the applicant with the granted regions, and its dataset policy
 * (downloads and the data API, which cannot be narrowed) is dropped. When the regions cannot be
 * enforced (the table has no region column) the application's grant is dropped rather than widened.
 */
@Component
class PolicyPublisher {

  static final String DIRECTORY = "policies";
  static final String POLICIES = "policies.json";
  static final String TABLES = "tables.json";

  private final Path directory;
  private final DirectoryService entries;
  private final DepartmentRepository departments;
  private final ObjectMapper json;
  private final Clock clock;

  PolicyPublisher(
      GovdataProperties properties,
      DirectoryService entries,
      DepartmentRepository departments,
      ObjectMapper json) {
    this.directory = properties.home().resolve(DIRECTORY);
    this.entries = entries;
    this.departments = departments;
    this.json = json;
    this.clock = Clock.systemUTC();
  }

  Path policyFile() {
    return directory.resolve(POLICIES);
  }

  Optional<TableBinding> binding(String resourceCode) {
    return Optional.ofNullable(bindings().get(resourceCode));
  }

  /** Compiles and writes the policies granting {@code applications} on {@code today}. */
  List<CompiledPolicy> publish(List<Application> applications, LocalDate today) {
    List<CompiledPolicy> policies = compile(boundTables(), applications, today);
    write(policies);
    return policies;
  }

  /** The published entries that {@code tables.json} binds to tables. */
  List<PublishedTable> boundTables() {
    Map<String, TableBinding> bindings = bindings();
    List<PublishedTable> tables = new ArrayList<>();
    for (Entry entry : entries.published()) {
      TableBinding binding = bindings.get(entry.code().toString());
      if (binding != null) {
        tables.add(
            new PublishedTable(
                entry.resource(),
                binding.database(),
                binding.table(),
                binding.columnsByItem(),
                binding.regionColumn()));
      }
    }
    return tables;
  }

  /**
   * Compiles {@code tables}, every department and the approvals among {@code applications} that
   * grant on {@code today}, narrowed as approved.
   */
  List<CompiledPolicy> compile(
      List<PublishedTable> tables, List<Application> applications, LocalDate today) {
    Map<String, PublishedTable> tablesByCode = new HashMap<>();
    for (PublishedTable table : tables) {
      tablesByCode.put(table.resource().code().toString(), table);
    }
    Map<Long, Department> byId =
        departments.list().stream().collect(Collectors.toMap(Department::id, Function.identity()));
    List<Application> granting =
        applications.stream()
            .filter(a -> a.grantsOn(today))
            .filter(a -> tablesByCode.containsKey(a.resourceCode()))
            .toList();
    List<ApprovedApplication> approved =
        granting.stream()
            .map(
                a ->
                    new ApprovedApplication(
                        ResourceCode.parse(a.resourceCode(), "resourceCode"),
                        a.kind() == ApplicationKind.SHARE
                            ? byId.get(a.applicantDepartmentId()).asProvider()
                            : null,
                        a.kind() == ApplicationKind.OPEN ? a.applicantUser() : null,
                        a.grantedFrom(),
                        a.grantedUntil()))
            .toList();
    List<CompiledPolicy> policies =
        new ArrayList<>(
            new PolicyCompiler()
                .compile(
                    new PolicyInput(
                        tables,
                        byId.values().stream().map(Department::asProvider).toList(),
                        approved)));
    for (Application application : granting) {
      narrow(policies, application, tablesByCode.get(application.resourceCode()), byId);
    }
    return List.copyOf(policies);
  }

  private static void narrow(
      List<CompiledPolicy> policies,
      Application application,
      PublishedTable table,
      Map<Long, Department> departmentsById) {
    boolean share = application.kind() == ApplicationKind.SHARE;
    String group =
        share
            ? PlatformGroups.department(
                departmentsById.get(application.applicantDepartmentId()).creditCode())
            : null;
    String label = "resource:" + application.resourceCode();
    String start = application.grantedFrom().toString().replace('-', '/') + " 00:00:00";
    boolean regionsUnenforceable =
        !application.grantedRegions().isEmpty() && table.regionColumn() == null;
    boolean narrowed =
        !application.grantedRegions().isEmpty()
            || application.grantedItems().size() < table.resource().items().size();
    for (int i = policies.size() - 1; i >= 0; i--) {
      CompiledPolicy policy = policies.get(i);
      if (policy.policyType() != CompiledPolicy.ACCESS
          || !policy.policyLabels().contains(label)
          || policy.validitySchedules().isEmpty()
          || !policy.validitySchedules().get(0).startTime().equals(start)
          || !grants(policy, group, application.applicantUser())) {
        continue;
      }
      if (!policy.resources().containsKey("column")) {
        // the dataset (download, data API) grant is all or nothing: a narrowed approval drops it
        if (narrowed) {
          policies.remove(i);
        }
        continue;
      }
      if (regionsUnenforceable) {
        policies.remove(i);
        continue;
      }
      List<String> columns =
          table.resource().items().stream()
              .filter(item -> application.grantedItems().contains(item.name()))
              .map(table::column)
              .toList();
      Map<String, CompiledPolicy.Resource> resources = new HashMap<>(policy.resources());
      resources.put("column", new CompiledPolicy.Resource(columns));
      policies.set(
          i,
          new CompiledPolicy(
              policy.id(),
              policy.service(),
              policy.name(),
              policy.policyType(),
              policy.description() + "; items " + String.join(", ", application.grantedItems()),
              resources,
              policy.policyItems(),
              policy.dataMaskPolicyItems(),
              policy.rowFilterPolicyItems(),
              policy.validitySchedules(),
              policy.policyLabels()));
    }
    if (!application.grantedRegions().isEmpty() && !regionsUnenforceable) {
      restrictRows(policies, label, table.regionColumn(), group, application);
    }
  }

  private static boolean grants(CompiledPolicy policy, String group, String user) {
    return policy.policyItems().stream()
        .anyMatch(
            item -> group != null ? item.groups().contains(group) : item.users().contains(user));
  }

  /**
   * Puts the applicant's filter right after the owners' item: Ranger takes the first item that
   * matches the user, so it wins over the department's default region filter.
   */
  private static void restrictRows(
      List<CompiledPolicy> policies,
      String label,
      String regionColumn,
      String group,
      Application application) {
    for (int i = 0; i < policies.size(); i++) {
      CompiledPolicy policy = policies.get(i);
      if (policy.policyType() != CompiledPolicy.ROW_FILTER
          || !policy.policyLabels().contains(label)) {
        continue;
      }
      String expression =
          application.grantedRegions().stream()
              .map(code -> regionColumn + " LIKE '" + regionPrefix(code) + "%'")
              .collect(Collectors.joining(" OR "));
      List<CompiledPolicy.FilterItem> items = new ArrayList<>(policy.rowFilterPolicyItems());
      items.add(
          1,
          new CompiledPolicy.FilterItem(
              items.get(0).accesses(),
              group == null ? List.of(application.applicantUser()) : List.of(),
              group == null ? List.of() : List.of(group),
              new CompiledPolicy.FilterInfo(
                  application.grantedRegions().size() == 1 ? expression : "(" + expression + ")")));
      policies.set(
          i,
          new CompiledPolicy(
              policy.id(),
              policy.service(),
              policy.name(),
              policy.policyType(),
              policy.description(),
              policy.resources(),
              policy.policyItems(),
              policy.dataMaskPolicyItems(),
              items,
              policy.validitySchedules(),
              policy.policyLabels()));
      return;
    }
  }

  /**
   * The GB/T 2260 prefix covering a region and the regions below it: 44 for a province, 4406 for a
   * city, the full code for a county. Codes were validated as six digits on the way in.
   */
  static String regionPrefix(String code) {
    AdministrativeLevel level = Region.levelOf(code);
    return switch (level) {
      case PROVINCE -> code.substring(0, 2);
      case CITY -> code.substring(0, 4);
      default -> code;
    };
  }

  private Map<String, TableBinding> bindings() {
    Path file = directory.resolve(TABLES);
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      List<TableBinding> list = json.readValue(file.toFile(), new TypeReference<>() {});
      return list.stream()
          .collect(Collectors.toMap(TableBinding::resourceCode, Function.identity()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the table bindings in " + file, e);
    }
  }

  private void write(List<CompiledPolicy> policies) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, POLICIES, ".tmp");
      Files.writeString(
          temporary, RangerImport.toJson(policies, clock.instant()), StandardCharsets.UTF_8);
      Files.move(
          temporary,
          policyFile(),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + policyFile(), e);
    }
  }
}
