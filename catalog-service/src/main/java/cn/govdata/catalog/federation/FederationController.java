package cn.govdata.catalog.federation;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** This node's identity, the peer registry and the harvest of the peers' directories. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "federation")
class FederationController {

  private final NodeIdentity node;
  private final PeerService peers;
  private final HarvestService harvests;
  private final int maxPageSize;

  FederationController(
      NodeIdentity node, PeerService peers, HarvestService harvests, GovdataProperties properties) {
    this.node = node;
    this.peers = peers;
    this.harvests = harvests;
    this.maxPageSize = properties.api().maxPageSize();
  }

  @GetMapping("/node")
  @Operation(summary = "This node: id, region, level, addresses, signing key and TLS certificate")
  NodeIdentity.View node() {
    return node.view();
  }

  @GetMapping("/peers")
  List<Peer> peers(@Parameter(hidden = true) Caller caller) {
    return peers.list(caller);
  }

  @GetMapping("/peers/{id}")
  Peer peer(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return peers.get(caller, id);
  }

  @PostMapping("/peers")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a peer node (governance administrators)")
  Peer create(@Parameter(hidden = true) Caller caller, @RequestBody PeerRequest request) {
    return peers.create(caller, request);
  }

  @PutMapping("/peers/{id}")
  @Operation(summary = "Change or disable a peer node (governance administrators)")
  Peer update(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody PeerRequest request) {
    return peers.update(caller, id, request);
  }

  @PostMapping("/peers/{id}/harvest")
  @Operation(summary = "Harvest the peer's directory through its CKAN API now")
  HarvestRun harvest(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return harvests.harvest(caller, id);
  }

  @GetMapping("/peers/{id}/harvests")
  @Operation(summary = "The peer's harvest runs, newest first")
  List<HarvestRun> runs(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return harvests.runs(caller, id);
  }

  @GetMapping("/harvested")
  @Operation(summary = "Entries harvested from the peers' directories")
  Page<HarvestedEntry> harvested(
      @RequestParam(required = false) String peer,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "false") boolean withdrawn,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return harvests.entries(peer, q, withdrawn, Page.Request.of(page, size, maxPageSize));
  }
}
