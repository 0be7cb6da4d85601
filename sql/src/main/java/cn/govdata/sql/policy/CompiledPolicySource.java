package cn.govdata.sql.policy;

import cn.govdata.governance.policy.RangerImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.ranger.admin.client.AbstractRangerAdminClient;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.util.ServicePolicies;

/**
 * The platform's policy source for {@code RangerBasePlugin}: reads the policy compiler's Ranger
 * import JSON, with the platform's service definition, from one of
 *
 * <ul>
 *   <li>{@code ranger.plugin.govdata.policy.source.file}: the file the catalog writes (one
 *       machine); its modification time is the version;
 *   <li>{@code ranger.plugin.govdata.policy.source.url}: the catalog's {@code
 *       /api/v1/policies/ranger}, polled like Ranger Admin with {@code If-None-Match} (a 304 keeps
 *       the policies in force), with the API key of a {@code POLICY_READER} taken from the
 *       environment variable named by {@code ...policy.source.key.env} (default {@value
 *       #DEFAULT_KEY_VARIABLE}); the URL wins when both are set.
 * </ul>
 *
 * A missing or unreadable file, an unreachable catalog, an answer other than 200 or 304 and a
 * document that is not a policy export all throw, so the plugin keeps the policies in force, falls
 * back to its cache directory at start and, with an empty cache, has no policies at all: everything
 * is denied.
 */
public final class CompiledPolicySource extends AbstractRangerAdminClient {

  /** The configuration key, under the plugin's prefix, of the compiled policy file. */
  public static final String FILE_KEY = ".policy.source.file";

  /** The configuration key, under the plugin's prefix, of the catalog's policy endpoint. */
  public static final String URL_KEY = ".policy.source.url";

  /**
   * The configuration key, under the plugin's prefix, naming the environment variable that holds
   * the catalog API key (the key itself never goes into configuration files).
   */
  public static final String KEY_VARIABLE_KEY = ".policy.source.key.env";

  public static final String DEFAULT_KEY_VARIABLE = "GOVDATA_POLICY_READER_KEY";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Function<String, String> environment;
  private String serviceName;
  private Path policyFile;
  private URI policyUrl;
  private String keyVariable;
  private HttpClient http;
  private String lastEtag;
  private long lastVersion = -1;

  public CompiledPolicySource() {
    this(System::getenv);
  }

  /** With another environment than the process's, for tests. */
  CompiledPolicySource(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public void init(
      String serviceName, String appId, String configPropertyPrefix, Configuration config) {
    super.init(serviceName, appId, configPropertyPrefix, config);
    this.serviceName = serviceName;
    String file = config.get(configPropertyPrefix + FILE_KEY);
    this.policyFile = file == null || file.isBlank() ? null : Path.of(file);
    String url = config.get(configPropertyPrefix + URL_KEY);
    this.policyUrl = url == null || url.isBlank() ? null : URI.create(url.strip());
    this.keyVariable = config.get(configPropertyPrefix + KEY_VARIABLE_KEY, DEFAULT_KEY_VARIABLE);
    if (policyUrl != null) {
      this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
  }

  @Override
  public ServicePolicies getServicePoliciesIfUpdated(
      long lastKnownVersion, long lastActivationTimeInMillis) throws Exception {
    if (policyUrl != null) {
      return fetch(lastKnownVersion);
    }
    if (policyFile == null) {
      throw new IOException("no policy file (" + FILE_KEY + ") or URL (" + URL_KEY + ") set");
    }
    long version = Files.getLastModifiedTime(policyFile).toMillis();
    if (version == lastKnownVersion) {
      return null;
    }
    return read(Files.readAllBytes(policyFile), policyFile.toString(), serviceName, version);
  }

  private ServicePolicies fetch(long lastKnownVersion) throws IOException, InterruptedException {
    String key = environment.apply(keyVariable);
    if (key == null || key.isBlank()) {
      throw new IOException("no API key for " + policyUrl + " in $" + keyVariable);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(policyUrl)
            .timeout(TIMEOUT)
            .header("X-API-Key", key.strip())
            .header("Accept", "application/json");
    // ask for "unchanged" only when the plugin still holds what this source last gave it
    boolean holding = lastEtag != null && lastKnownVersion == lastVersion;
    if (holding) {
      request.header("If-None-Match", lastEtag);
    }
    HttpResponse<byte[]> response =
        http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 304 && holding) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new IOException(policyUrl + " answered " + response.statusCode());
    }
    // a new version on every change, after any version this source gave before
    long version = Math.max(System.currentTimeMillis(), lastVersion + 1);
    ServicePolicies policies = read(response.body(), policyUrl.toString(), serviceName, version);
    lastEtag = response.headers().firstValue("ETag").orElse(null);
    lastVersion = version;
    return policies;
  }

  /** Parses a compiled policy document; any structural problem fails the whole document. */
  ServicePolicies read(byte[] content, String source, String service, long version)
      throws IOException {
    JsonNode document = JSON.readTree(content);
    JsonNode policyNodes = document == null ? null : document.get("policies");
    if (policyNodes == null || !policyNodes.isArray()) {
      throw new IOException(source + " is not a Ranger policy export: no 'policies' array");
    }
    List<RangerPolicy> policies = new ArrayList<>();
    for (JsonNode node : policyNodes) {
      RangerPolicy policy = gson.fromJson(node.toString(), RangerPolicy.class);
      if (policy.getId() == null || policy.getName() == null || policy.getResources() == null) {
        throw new IOException(source + ": a policy lacks id, name or resources: " + node);
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
