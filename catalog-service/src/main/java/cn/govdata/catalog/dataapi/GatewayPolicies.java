package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.apikey.DataApiLimits;
import cn.govdata.catalog.application.ApplicationGrantsChanged;
import cn.govdata.catalog.application.ApplicationService;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.department.DepartmentRepository;
import cn.govdata.catalog.directory.DirectoryService;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Digests;
import cn.govdata.governance.policy.CompiledPolicy;
import cn.govdata.governance.policy.PolicyCompiler;
import cn.govdata.governance.policy.PolicyInput;
import cn.govdata.governance.policy.PublishedTable;
import cn.govdata.governance.policy.RangerImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog as the SQL gateway's policy source: compiles the published entries that have a
 * gateway table, with the departments, into Ranger import JSON ({@code governance}'s {@link
 * PolicyCompiler}), with the approved applications (申请) compiled in as approved. One {@link
 * #current() document} serves both ways the gateway reads it: the file of {@code
 * govdata.data-api.gateway-policy-file} (one machine; written at start, after every table mapping
 * and whenever approved applications change) and {@code GET /api/v1/policies/ranger}, which the
 * gateway polls where it cannot share the catalog's disk. Whenever the compiled policies change the
 * file is rewritten with the same document the endpoint serves.
 */
@Component
class GatewayPolicies {

  /** Reads every entry, whatever its department: the compiler needs them all. */
  private static final Caller COMPILER = new Caller("policy-compiler", Role.GOVERNANCE_ADMIN, null);

  private final DirectoryService directory;
  private final DatasetTableRepository tables;
  private final DepartmentRepository departments;
  private final ApplicationService applications;
  private final Path file;
  private Document last;

  GatewayPolicies(
      DirectoryService directory,
      DatasetTableRepository tables,
      DepartmentRepository departments,
      ApplicationService applications,
      DataApiLimits settings) {
    this.directory = directory;
    this.tables = tables;
    this.departments = departments;
    this.applications = applications;
    this.file = settings.gatewayPolicyFile();
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    publish();
  }

  @EventListener(ApplicationGrantsChanged.class)
  void onGrantsChanged() {
    publish();
  }

  /** Rewrites the gateway's policy file, if one is configured. */
  synchronized void publish() {
    if (file != null) {
      refresh(true);
    }
  }

  /**
   * The gateway's policies as they stand now, compiled afresh (so approvals that expired today are
   * gone). The document keeps its export time, and so its bytes, while the policies are unchanged.
   */
  synchronized Document current() {
    return refresh(false);
  }

  private Document refresh(boolean rewrite) {
    List<CompiledPolicy> policies = applications.compileWithApprovals(input().tables());
    // the version names the policies, not the moment of their export, so every replica of the
    // catalog gives the same policies the same version
    String version = Digests.sha256Hex(RangerImport.toJson(policies, Instant.EPOCH));
    boolean changed = last == null || !last.version().equals(version);
    if (changed) {
      last = new Document(version, RangerImport.toJson(policies, Instant.now()));
    }
    if (file != null && (changed || rewrite)) {
      write(last.json());
    }
    return last;
  }

  /**
   * A compiled policy document.
   *
   * @param version the SHA-256 of the policies (hex), the same for the same policies
   * @param json the Ranger import JSON, as written to the gateway's policy file
   */
  record Document(String version, String json) {}

  PolicyInput input() {
    List<PublishedTable> published = new ArrayList<>();
    for (DatasetTable table : tables.all()) {
      Entry entry;
      try {
        entry = directory.get(COMPILER, table.entryId());
      } catch (ApiException gone) {
        continue;
      }
      if (entry.status().isListed()) {
        published.add(
            new PublishedTable(
                entry.resource(),
                table.database(),
                table.table(),
                table.columns(),
                table.regionColumn()));
      }
    }
    return new PolicyInput(
        published, departments.list().stream().map(Department::asProvider).toList(), List.of());
  }

  private void write(String policies) {
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temporary = Files.createTempFile(absolute.getParent(), ".policies", ".json");
      Files.writeString(temporary, policies, StandardCharsets.UTF_8);
      // the gateway polls the file: it must never read half of it
      Files.move(
          temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the gateway's policy file " + file, e);
    }
  }
}
