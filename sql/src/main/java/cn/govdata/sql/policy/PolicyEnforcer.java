package cn.govdata.sql.policy;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.governance.policy.CompiledPolicy;
import cn.govdata.governance.policy.MaskType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.ranger.authorization.hadoop.config.RangerPluginConfig;
import org.apache.ranger.plugin.policyengine.RangerAccessRequest;
import org.apache.ranger.plugin.policyengine.RangerAccessRequestImpl;
import org.apache.ranger.plugin.policyengine.RangerAccessResourceImpl;
import org.apache.ranger.plugin.policyengine.RangerAccessResult;
import org.apache.ranger.plugin.policyengine.RangerPolicyEngineOptions;
import org.apache.ranger.plugin.service.RangerBasePlugin;

/**
 * The single place the gateway asks for access decisions: a facade over Ranger's {@code
 * RangerBasePlugin} fed by the platform's {@link CompiledPolicySource}. It fails closed: no result,
 * no policies, or an error, and the answer is "denied"; an unknown mask type hides the value. Every
 * decision is written to the {@link DecisionAudit} before it is returned.
 */
public final class PolicyEnforcer implements AutoCloseable {

  public static final String SERVICE_TYPE = CompiledPolicy.SERVICE;
  public static final String PREFIX = "ranger.plugin." + SERVICE_TYPE;

  private final RangerBasePlugin plugin;
  private final DecisionAudit audit;

  private PolicyEnforcer(RangerBasePlugin plugin, DecisionAudit audit) {
    this.plugin = plugin;
    this.audit = audit;
  }

  /**
   * Starts Ranger's plugin over a compiled policy file. The first load is synchronous: when this
   * returns, the policies of the file (or of the cache, if the file cannot be read) are in force.
   *
   * @param policyFile the policy compiler's Ranger import JSON
   * @param cacheDir Ranger's policy cache, used when the file cannot be read
   */
  public static PolicyEnforcer start(
      Path policyFile, Path cacheDir, String appId, DecisionAudit audit) {
    return start(
        Map.of(CompiledPolicySource.FILE_KEY, policyFile.toAbsolutePath().toString()),
        cacheDir,
        appId,
        audit);
  }

  /**
   * Starts Ranger's plugin over the catalog's policy endpoint ({@code /api/v1/policies/ranger}),
   * polled with the API key in the environment variable {@code keyVariable}. The first load is
   * synchronous: when this returns, the catalog's policies (or the cache's, if the catalog cannot
   * be reached) are in force.
   */
  public static PolicyEnforcer startFromUrl(
      URI policyUrl, String keyVariable, Path cacheDir, String appId, DecisionAudit audit) {
    return start(
        Map.of(
            CompiledPolicySource.URL_KEY,
            policyUrl.toString(),
            CompiledPolicySource.KEY_VARIABLE_KEY,
            keyVariable),
        cacheDir,
        appId,
        audit);
  }

  private static PolicyEnforcer start(
      Map<String, String> source, Path cacheDir, String appId, DecisionAudit audit) {
    RangerPolicyEngineOptions options = new RangerPolicyEngineOptions();
    RangerPluginConfig config =
        new RangerPluginConfig(SERVICE_TYPE, SERVICE_TYPE, appId, null, null, options);
    source.forEach((key, value) -> config.set(PREFIX + key, value));
    config.set(PREFIX + ".policy.cache.dir", cacheDir.toAbsolutePath().toString());
    config.set(PREFIX + ".policy.source.impl", CompiledPolicySource.class.getName());
    RangerBasePlugin plugin = new RangerBasePlugin(config);
    plugin.init();
    return new PolicyEnforcer(plugin, audit);
  }

  /** Whether any policy is loaded; without policies every request is denied. */
  public boolean hasPolicies() {
    Long version = plugin.getPolicyVersion();
    return version != null && version > 0;
  }

  /** Whether the principal may read at least one column of a table in this way. */
  public boolean mayAccessTable(Principal who, String database, String table, AccessType access) {
    RangerAccessRequestImpl request = request(who, resource(database, table, null), access);
    request.setResourceMatchingScope(RangerAccessRequest.ResourceMatchingScope.SELF_OR_DESCENDANTS);
    return allowed(who, request, "access");
  }

  public boolean mayAccessColumn(
      Principal who, String database, String table, String column, AccessType access) {
    return allowed(who, request(who, resource(database, table, column), access), "access");
  }

  /** Whether the principal may reach a dataset's data API or download ({@code api} may be "*"). */
  public boolean mayAccessDataset(Principal who, String resourceCode, AccessType access) {
    RangerAccessResourceImpl resource = new RangerAccessResourceImpl();
    resource.setValue("dataset", resourceCode);
    RangerAccessRequestImpl request = request(who, resource, access);
    request.setResourceMatchingScope(RangerAccessRequest.ResourceMatchingScope.SELF_OR_DESCENDANTS);
    return allowed(who, request, "access");
  }

  /**
   * The mask a column is read through. {@link MaskType#MASK_NONE} only when a policy says so or no
   * mask policy covers the column; a mask type the platform does not know becomes {@link
   * MaskType#MASK_NULL}.
   */
  public MaskType mask(
      Principal who, String database, String table, String column, AccessType access) {
    RangerAccessRequestImpl request = request(who, resource(database, table, column), access);
    MaskType mask;
    long policyId = -1;
    try {
      RangerAccessResult result = plugin.evalDataMaskPolicies(request, null);
      if (result == null) {
        mask = hasPolicies() ? MaskType.MASK_NONE : MaskType.MASK_NULL;
      } else if (!result.isMaskEnabled()) {
        mask = MaskType.MASK_NONE;
        policyId = result.getPolicyId();
      } else {
        mask = known(result.getMaskType());
        policyId = result.getPolicyId();
      }
    } catch (RuntimeException e) {
      mask = MaskType.MASK_NULL;
    }
    audit.record(event(who, request, "mask", mask == MaskType.MASK_NONE, policyId, mask.name()));
    return mask;
  }

  /**
   * The row filter for a table: empty when the principal sees every row. When policies cannot be
   * evaluated the filter lets no row through.
   */
  public Optional<String> rowFilter(
      Principal who, String database, String table, AccessType access) {
    RangerAccessRequestImpl request = request(who, resource(database, table, null), access);
    String filter;
    long policyId = -1;
    try {
      RangerAccessResult result = plugin.evalRowFilterPolicies(request, null);
      if (result == null) {
        filter = hasPolicies() ? null : "false";
      } else {
        filter = result.isRowFilterEnabled() ? result.getFilterExpr() : null;
        policyId = result.getPolicyId();
      }
    } catch (RuntimeException e) {
      filter = "false";
    }
    audit.record(event(who, request, "row-filter", filter == null, policyId, filter));
    return Optional.ofNullable(filter);
  }

  private boolean allowed(Principal who, RangerAccessRequestImpl request, String kind) {
    boolean allowed;
    long policyId = -1;
    try {
      RangerAccessResult result = plugin.isAccessAllowed(request, null);
      allowed = result != null && result.getIsAccessDetermined() && result.getIsAllowed();
      policyId = result == null ? -1 : result.getPolicyId();
    } catch (RuntimeException e) {
      allowed = false;
    }
    audit.record(event(who, request, kind, allowed, policyId, null));
    return allowed;
  }

  private static MaskType known(String rangerMaskType) {
    for (MaskType type : MaskType.values()) {
      if (type.name().equals(rangerMaskType)) {
        return type;
      }
    }
    return MaskType.MASK_NULL;
  }

  private static RangerAccessResourceImpl resource(String database, String table, String column) {
    RangerAccessResourceImpl resource = new RangerAccessResourceImpl();
    resource.setValue("database", database);
    resource.setValue("table", table);
    if (column != null) {
      resource.setValue("column", column);
    }
    return resource;
  }

  private static RangerAccessRequestImpl request(
      Principal who, RangerAccessResourceImpl resource, AccessType access) {
    RangerAccessRequestImpl request =
        new RangerAccessRequestImpl(
            resource, access.rangerName(), who.user(), who.groups(), java.util.Set.of());
    request.setAccessTime(new Date());
    request.setAction(access.rangerName());
    return request;
  }

  private static AuditEvent event(
      Principal who,
      RangerAccessRequest request,
      String kind,
      boolean allowed,
      long policyId,
      String detail) {
    Map<String, Object> elements = request.getResource().getAsMap();
    String resource =
        String.join(
            "/",
            elements.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(PolicyEnforcer::resourceOrder))
                .map(e -> String.valueOf(e.getValue()))
                .toList());
    return new AuditEvent(
        Instant.now(),
        who.user(),
        new TreeSet<>(who.groups()).stream().toList(),
        resource,
        request.getAccessType(),
        kind,
        allowed,
        policyId,
        detail);
  }

  private static int resourceOrder(String a, String b) {
    return Integer.compare(level(a), level(b));
  }

  private static int level(String resourceName) {
    return switch (resourceName) {
      case "database", "dataset" -> 0;
      case "table", "api" -> 1;
      default -> 2;
    };
  }

  @Override
  public void close() {
    plugin.cleanup();
    audit.close();
  }
}
