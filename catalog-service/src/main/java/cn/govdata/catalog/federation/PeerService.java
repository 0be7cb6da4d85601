package cn.govdata.catalog.federation;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.audit.AuditLog;
import cn.govdata.catalog.jdbc.AfterCommit;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.codes.CodeCheck;
import cn.govdata.governance.codes.Region;
import cn.govdata.governance.codes.RegionDirectory;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The peer registry: governance administrators register and change peers, signed-in staff read
 * them. Every change is audited in its transaction, and once committed the registry is written to
 * {@code govdata.home/federation/peers.json}, the trust store of the node's exchange agent, by
 * writing a temporary file and renaming it over the old one.
 */
@Service
public class PeerService implements ApplicationRunner {

  static final String TRUST_STORE = "peers.json";
  private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final PeerRepository peers;
  private final RegionDirectory regions;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Path trustStore;

  PeerService(
      PeerRepository peers,
      RegionDirectory regions,
      AuditLog audit,
      ObjectMapper json,
      GovdataProperties govdata) {
    this.peers = peers;
    this.regions = regions;
    this.audit = audit;
    this.json = json;
    this.trustStore = govdata.home().resolve("federation").resolve(TRUST_STORE);
  }

  @Transactional(readOnly = true)
  public List<Peer> list(Caller caller) {
    requireStaff(caller);
    return peers.list();
  }

  @Transactional(readOnly = true)
  public Peer get(Caller caller, long id) {
    requireStaff(caller);
    return peers.find(id).orElseThrow(() -> ApiException.notFound("peer", id));
  }

  /** The peer with this node id, for the services of this package and subscriptions. */
  @Transactional(readOnly = true)
  public java.util.Optional<Peer> findByNodeId(String nodeId) {
    return peers.findByNodeId(nodeId);
  }

  @Transactional
  public Peer create(Caller caller, PeerRequest request) {
    requireAdmin(caller);
    PeerRepository.Row row = check(request);
    if (peers.findByNodeId(row.nodeId()).isPresent()) {
      throw new InvalidFieldException(
          "nodeId", "peer.duplicate", "a peer with node id " + row.nodeId() + " is registered");
    }
    Peer peer = peers.find(peers.insert(row)).orElseThrow();
    changed(caller, "PEER_CREATED", peer);
    return peer;
  }

  @Transactional
  public Peer update(Caller caller, long id, PeerRequest request) {
    requireAdmin(caller);
    if (peers.find(id).isEmpty()) {
      throw ApiException.notFound("peer", id);
    }
    PeerRepository.Row row = check(request);
    peers
        .findByNodeId(row.nodeId())
        .filter(other -> other.id() != id)
        .ifPresent(
            other -> {
              throw new InvalidFieldException(
                  "nodeId",
                  "peer.duplicate",
                  "a peer with node id " + row.nodeId() + " is registered");
            });
    peers.update(id, row);
    Peer peer = peers.find(id).orElseThrow();
    changed(caller, "PEER_UPDATED", peer);
    return peer;
  }

  /** Writes the trust store at start, so the agent finds one even before the first change. */
  @Override
  public void run(ApplicationArguments args) {
    writeTrustStore();
  }

  Path trustStore() {
    return trustStore;
  }

  /** Writes every peer, enabled or not, to the agent's trust store, atomically. */
  void writeTrustStore() {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Peer peer : peers.list()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("nodeId", peer.nodeId());
      entry.put("region", peer.regionCode());
      entry.put("level", peer.level().name());
      entry.put("exchangeUrl", peer.exchangeUrl());
      entry.put("publicKey", peer.publicKey());
      entry.put("certificatePem", peer.certificatePem());
      entry.put("enabled", peer.enabled());
      entries.add(entry);
    }
    try {
      Files.createDirectories(trustStore.getParent());
      Path temporary = Files.createTempFile(trustStore.getParent(), TRUST_STORE, ".tmp");
      json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), entries);
      Files.move(
          temporary,
          trustStore,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trust store " + trustStore, e);
    }
  }

  private void changed(Caller caller, String action, Peer peer) {
    audit.recordEvent(
        caller,
        action,
        null,
        peer.enabled() ? "ENABLED" : "DISABLED",
        "peer "
            + peer.nodeId()
            + " ("
            + peer.name()
            + ", "
            + peer.regionCode()
            + ") at "
            + peer.baseUrl());
    AfterCommit.run(this::writeTrustStore);
  }

  /** Checks every field and names each that is wrong. */
  private PeerRepository.Row check(PeerRequest request) {
    if (request == null) {
      throw new InvalidFieldException("body", "required", "send the peer as a JSON object");
    }
    List<FieldViolation> violations = new ArrayList<>();
    if (request.nodeId() == null || !NODE_ID.matcher(request.nodeId()).matches()) {
      violations.add(
          new FieldViolation(
              "nodeId",
              "node-id.format",
              "nodeId must be 1-63 lower-case letters, digits or '-', got '"
                  + request.nodeId()
                  + "'"));
    }
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      violations.add(
          new FieldViolation("name", "required", "name is required, at most 100 characters"));
    }
    CodeCheck region = regions.check(request.regionCode(), false);
    if (!region.isValid()) {
      violations.add(new FieldViolation("regionCode", region.rule(), region.message()));
    }
    if (request.level() == null) {
      violations.add(new FieldViolation("level", "required", "level is required"));
    } else if (region.isValid() && Region.levelOf(region.canonical()) != request.level()) {
      violations.add(
          new FieldViolation(
              "level",
              "peer.level-mismatch",
              "region "
                  + region.canonical()
                  + " is a "
                  + Region.levelOf(region.canonical())
                  + ", not a "
                  + request.level()));
    }
    String baseUrl = url(violations, "baseUrl", request.baseUrl(), true);
    String exchangeUrl = url(violations, "exchangeUrl", request.exchangeUrl(), false);
    String publicKey = request.publicKey() == null ? null : request.publicKey().strip();
    if (publicKey == null || publicKey.isEmpty()) {
      violations.add(new FieldViolation("publicKey", "required", "publicKey is required"));
    } else {
      try {
        NodeKey.parsePublicKey(publicKey);
      } catch (InvalidFieldException e) {
        violations.addAll(e.violations());
      }
    }
    String pem = request.certificatePem();
    Certificates.Parsed certificate = null;
    if (pem != null && !pem.isBlank()) {
      try {
        certificate = Certificates.parse(pem, "certificatePem", Instant.now());
      } catch (InvalidFieldException e) {
        violations.addAll(e.violations());
      }
    } else {
      pem = null;
    }
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(violations);
    }
    return new PeerRepository.Row(
        request.nodeId(),
        name,
        region.canonical(),
        request.level(),
        baseUrl,
        exchangeUrl,
        publicKey,
        pem == null ? null : pem.strip() + "\n",
        certificate,
        request.enabled() == null || request.enabled());
  }

  /** An absolute http(s) URL without a trailing slash; {@code null} when optional and absent. */
  private static String url(
      List<FieldViolation> violations, String field, String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        violations.add(new FieldViolation(field, "required", field + " is required"));
      }
      return null;
    }
    try {
      URI uri = new URI(text.strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new URISyntaxException(text, "not an absolute http(s) URL");
      }
      String normal = uri.toString();
      return normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    } catch (URISyntaxException e) {
      violations.add(
          new FieldViolation(
              field,
              "url.format",
              field + " must be an absolute http or https URL, got '" + text + "'"));
      return null;
    }
  }

  static void requireAdmin(Caller caller) {
    if (!caller.is(Role.GOVERNANCE_ADMIN)) {
      throw ApiException.forbidden(
          "role.required", "only a governance administrator changes the peer registry");
    }
  }

  private static void requireStaff(Caller caller) {
    if (!caller.isStaff()) {
      throw ApiException.forbidden("role.required", "signed-in staff read the peer registry");
    }
  }
}
