package cn.govdata.governance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One Ranger policy as Ranger Admin exports and imports it (the JSON of {@code RangerPolicy}). Kept
 * as plain records so that governance needs no Ranger jar; the SQL gateway reads the same JSON with
 * Ranger's own classes.
 *
 * @param id the policy's id, unique within the export
 * @param name unique within the service
 * @param policyType 0 access, 1 data mask, 2 row filter
 */
@JsonPropertyOrder({"id", "guid", "service", "serviceType", "name", "policyType"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompiledPolicy(
    long id,
    String service,
    String name,
    int policyType,
    String description,
    Map<String, Resource> resources,
    List<Item> policyItems,
    List<MaskItem> dataMaskPolicyItems,
    List<FilterItem> rowFilterPolicyItems,
    List<Validity> validitySchedules,
    List<String> policyLabels) {

  public static final String SERVICE = "govdata";
  public static final int ACCESS = 0;
  public static final int DATA_MASK = 1;
  public static final int ROW_FILTER = 2;

  public CompiledPolicy {
    resources = Map.copyOf(resources);
    policyItems = List.copyOf(policyItems);
    dataMaskPolicyItems = List.copyOf(dataMaskPolicyItems);
    rowFilterPolicyItems = List.copyOf(rowFilterPolicyItems);
    validitySchedules = List.copyOf(validitySchedules);
    policyLabels = List.copyOf(policyLabels);
  }

  /** A name-derived id, stable across compilations, so re-imports update rather than duplicate. */
  @JsonProperty("guid")
  public String guid() {
    return UUID.nameUUIDFromBytes((service + "/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  @JsonProperty("serviceType")
  public String serviceType() {
    return SERVICE;
  }

  @JsonProperty("isEnabled")
  public boolean isEnabled() {
    return true;
  }

  @JsonProperty("isAuditEnabled")
  public boolean isAuditEnabled() {
    return true;
  }

  @JsonProperty("policyPriority")
  public int policyPriority() {
    return 0;
  }

  @JsonProperty("isDenyAllElse")
  public boolean isDenyAllElse() {
    return false;
  }

  /** Resource values of one resource, e.g. {@code table: [person]}. */
  public record Resource(List<String> values) {
    public Resource {
      values = List.copyOf(values);
    }

    public static Resource of(String... values) {
      return new Resource(List.of(values));
    }

    @JsonProperty("isExcludes")
    public boolean isExcludes() {
      return false;
    }

    @JsonProperty("isRecursive")
    public boolean isRecursive() {
      return false;
    }
  }

  /** One access type granted. */
  public record Access(String type) {
    @JsonProperty("isAllowed")
    public boolean isAllowed() {
      return true;
    }
  }

  /** An allow item: who gets which accesses. */
  public record Item(List<Access> accesses, List<String> users, List<String> groups) {
    public Item {
      accesses = List.copyOf(accesses);
      users = List.copyOf(users);
      groups = List.copyOf(groups);
    }

    @JsonProperty("delegateAdmin")
    public boolean delegateAdmin() {
      return false;
    }
  }

  /** A data-mask item: who sees a column through which mask. */
  public record MaskItem(
      List<Access> accesses, List<String> users, List<String> groups, MaskInfo dataMaskInfo) {
    public MaskItem {
      accesses = List.copyOf(accesses);
      users = List.copyOf(users);
      groups = List.copyOf(groups);
    }
  }

  public record MaskInfo(String dataMaskType) {}

  /** A row-filter item: who sees only the rows matching {@code filterExpr} (empty: all rows). */
  public record FilterItem(
      List<Access> accesses, List<String> users, List<String> groups, FilterInfo rowFilterInfo) {
    public FilterItem {
      accesses = List.copyOf(accesses);
      users = List.copyOf(users);
      groups = List.copyOf(groups);
    }
  }

  public record FilterInfo(String filterExpr) {}

  /** A validity schedule, in Ranger's {@code yyyy/MM/dd HH:mm:ss} format. */
  public record Validity(String startTime, String endTime, String timeZone) {}
}
