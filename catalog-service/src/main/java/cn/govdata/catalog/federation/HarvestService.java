package cn.govdata.catalog.federation;

import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Harvests peers' directories through their CKAN API into {@code harvested_entry}. A run is
 * recorded as soon as it starts; the peer's whole directory is read first, then applied in one
 * transaction together with the run's result, so a peer answering garbage, a CKAN error or nothing
 * in time leaves the previous harvest as it was and a {@code FAILED} run saying why.
 */
@Service
public class HarvestService {

  private static final Logger LOG = LoggerFactory.getLogger(HarvestService.class);
  private static final Caller SCHEDULE =
      new Caller("harvest-schedule", Role.GOVERNANCE_ADMIN, null);

  private final PeerRepository peers;
  private final HarvestRepository harvests;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final CkanDirectoryClient client;
  private final TransactionTemplate transaction;

  HarvestService(
      PeerRepository peers,
      HarvestRepository harvests,
      AuditLog audit,
      ObjectMapper json,
      FederationProperties properties,
      PlatformTransactionManager transactions) {
    this.peers = peers;
    this.harvests = harvests;
    this.audit = audit;
    this.json = json;
    this.client =
        new CkanDirectoryClient(json, properties.harvestTimeout(), properties.harvestPageSize());
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Harvests one enabled peer now (governance administrators). */
  public HarvestRun harvest(Caller caller, long peerId) {
    PeerService.requireAdmin(caller);
    Peer peer = peers.find(peerId).orElseThrow(() -> ApiException.notFound("peer", peerId));
    if (!peer.enabled()) {
      throw ApiException.conflict(
          "harvest.peer-disabled", "peer " + peer.nodeId() + " is disabled; enable it first");
    }
    return run(caller, peer);
  }

  /** The scheduled harvest: every enabled peer below this node, one after the other. */
  void harvestBelow() {
    for (Peer peer : peers.list()) {
      if (peer.enabled() && peer.relation() == Peer.Relation.BELOW) {
        HarvestRun run = run(SCHEDULE, peer);
        if (!"SUCCEEDED".equals(run.status())) {
          LOG.warn("harvest of peer {} failed: {}", peer.nodeId(), run.error());
        }
      }
    }
  }

  public List<HarvestRun> runs(Caller caller, long peerId) {
    if (!caller.isStaff()) {
      throw ApiException.forbidden("role.required", "signed-in staff read harvest runs");
    }
    if (peers.find(peerId).isEmpty()) {
      throw ApiException.notFound("peer", peerId);
    }
    return harvests.runs(peerId, 50);
  }

  /** Harvested entries: the peers' published directories, so anyone may read them. */
  public Page<HarvestedEntry> entries(
      String peerNodeId, String text, boolean withdrawn, Page.Request page) {
    return transaction.execute(status -> harvests.entries(peerNodeId, text, withdrawn, page));
  }

  private HarvestRun run(Caller caller, Peer peer) {
    long runId = transaction.execute(status -> harvests.startRun(peer.id()));
    try {
      List<HarvestRepository.HarvestedPackage> packages = new ArrayList<>();
      for (Map.Entry<String, JsonNode> dict : client.packages(peer.baseUrl()).entrySet()) {
        packages.add(harvested(dict.getKey(), dict.getValue()));
      }
      transaction.executeWithoutResult(
          status -> {
            HarvestRepository.Counts counts = harvests.apply(peer.id(), packages);
            harvests.finishRun(runId, "SUCCEEDED", counts, null);
            audit.recordEvent(
                caller,
                "PEER_HARVESTED",
                null,
                "SUCCEEDED",
                "peer "
                    + peer.nodeId()
                    + ": "
                    + counts.found()
                    + " found, "
                    + counts.added()
                    + " added, "
                    + counts.updated()
                    + " updated, "
                    + counts.withdrawn()
                    + " withdrawn");
          });
    } catch (RuntimeException e) {
      String message =
          e instanceof CkanDirectoryClient.HarvestException ? e.getMessage() : e.toString();
      LOG.info("harvest run {} of peer {} failed: {}", runId, peer.nodeId(), message);
      transaction.executeWithoutResult(
          status -> {
            harvests.finishRun(runId, "FAILED", HarvestRepository.Counts.NONE, message);
            audit.recordEvent(
                caller, "PEER_HARVESTED", null, "FAILED", "peer " + peer.nodeId() + ": " + message);
          });
    }
    return harvests.run(runId);
  }

  private HarvestRepository.HarvestedPackage harvested(String id, JsonNode dict) {
    String title = dict.path("title").asText("");
    if (title.isBlank()) {
      throw new CkanDirectoryClient.HarvestException("package " + id + " has no title");
    }
    String region = extra(dict, "region_code");
    try {
      return new HarvestRepository.HarvestedPackage(
          id,
          dict.path("name").asText(id),
          title,
          text(dict.path("organization").path("title")),
          region != null && region.matches("\\d{6}") ? region : null,
          extra(dict, "open_type"),
          text(dict.path("metadata_modified")),
          text(dict.path("url")),
          json.writeValueAsString(dict));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serialises", e);
    }
  }

  private static String extra(JsonNode dict, String key) {
    for (JsonNode extra : dict.path("extras")) {
      if (key.equals(extra.path("key").asText())) {
        return text(extra.path("value"));
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
