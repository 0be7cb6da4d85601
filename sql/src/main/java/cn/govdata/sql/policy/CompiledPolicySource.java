package cn.govdata.sql.policy;

import cn.govdata.governance.policy.RangerImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.ranger.admin.client.AbstractRangerAdminClient;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.util.ServicePolicies;

/**
 * The platform's policy source for {@code RangerBasePlugin}: reads the policy compiler's Ranger
 * import JSON from {@code ranger.plugin.govdata.policy.source.file}, with the platform's service
 * definition. A missing or unreadable file throws, so the plugin falls back to its cache directory
 * and, with an empty cache, has no policies at all: everything is denied.
 */
public final class CompiledPolicySource extends AbstractRangerAdminClient {

  /** The configuration key, under the plugin's prefix, of the compiled policy file. */
  public static final String FILE_KEY = ".policy.source.file";

  private static final ObjectMapper JSON = new ObjectMapper();

  private String serviceName;
  private Path policyFile;

  @Override
  public void init(
      String serviceName, String appId, String configPropertyPrefix, Configuration config) {
    super.init(serviceName, appId, configPropertyPrefix, config);
    this.serviceName = serviceName;
    String file = config.get(configPropertyPrefix + FILE_KEY);
    this.policyFile = file == null || file.isBlank() ? null : Path.of(file);
  }

  @Override
  public ServicePolicies getServicePoliciesIfUpdated(
      long lastKnownVersion, long lastActivationTimeInMillis) throws Exception {
    if (policyFile == null) {
      throw new IOException("no policy file configured (" + FILE_KEY + ")");
    }
    long version = Files.getLastModifiedTime(policyFile).toMillis();
    if (version == lastKnownVersion) {
      return null;
    }
    return read(policyFile, serviceName, version);
  }

  /** Parses a compiled policy file; any structural problem fails the whole file. */
  ServicePolicies read(Path file, String service, long version) throws IOException {
    JsonNode document = JSON.readTree(file.toFile());
    JsonNode policyNodes = document == null ? null : document.get("policies");
    if (policyNodes == null || !policyNodes.isArray()) {
      throw new IOException(file + " is not a Ranger policy export: no 'policies' array");
    }
    List<RangerPolicy> policies = new ArrayList<>();
    for (JsonNode node : policyNodes) {
      RangerPolicy policy = gson.fromJson(node.toString(), RangerPolicy.class);
      if (policy.getId() == null || policy.getName() == null || policy.getResources() == null) {
        throw new IOException(file + ": a policy lacks id, name or resources: " + node);
      }
      policy.setService(service);
      policies.add(policy);
    }
    ServicePolicies result = new ServicePolicies();
    result.setServiceName(service);
    result.setServiceId(1L);
    result.setPolicyVersion(version);
    result.setPolicyUpdateTime(new Date(version));
    result.setPolicies(policies);
    result.setServiceDef(serviceDefinition(gson));
    return result;
  }

  static RangerServiceDef serviceDefinition(com.google.gson.Gson gson) {
    return gson.fromJson(RangerImport.serviceDefinitionJson(), RangerServiceDef.class);
  }
}
