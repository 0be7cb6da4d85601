package cn.govdata.catalog.federation;

import java.time.Instant;

/**
 * One harvest of a peer's directory.
 *
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param found the packages the peer listed
 * @param added entries new to this node
 * @param updated entries whose package changed (or came back after a withdrawal)
 * @param withdrawn entries the peer no longer lists
 * @param error why the run failed; nothing of a failed run is applied
 */
public record HarvestRun(
    long id,
    String peerNodeId,
    Instant startedAt,
    Instant finishedAt,
    String status,
    int found,
    int added,
    int updated,
    int withdrawn,
    String error) {}
