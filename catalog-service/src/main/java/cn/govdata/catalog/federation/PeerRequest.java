package cn.govdata.catalog.federation;

import cn.govdata.governance.directory.AdministrativeLevel;

/**
 * A peer as an administrator registers or changes it; {@link PeerService} checks every field and
 * reports all that are wrong at once.
 *
 * @param enabled {@code null} means enabled
 */
public record PeerRequest(
    String nodeId,
    String name,
    String regionCode,
    AdministrativeLevel level,
    String baseUrl,
    String exchangeUrl,
    String publicKey,
    String certificatePem,
    Boolean enabled) {}
