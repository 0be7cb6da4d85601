package cn.govdata.catalog.federation;

import java.time.Instant;

/**
 * A package of a peer's directory as last harvested.
 *
 * @param remoteId the package id at the peer
 * @param name the package name at the peer ({@code d-104007-000001})
 * @param organisation the providing department at the peer
 * @param openType the peer's open type (开放类型) as its CKAN extras say it
 * @param modified the peer's {@code metadata_modified}
 * @param url the dataset's page at the peer
 * @param withdrawnAt when the peer stopped listing it; {@code null} while listed
 */
public record HarvestedEntry(
    long id,
    String peerNodeId,
    String peerName,
    String remoteId,
    String name,
    String title,
    String organisation,
    String regionCode,
    String openType,
    String modified,
    String url,
    Instant harvestedAt,
    Instant withdrawnAt) {}
