package cn.govdata.catalog.federation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code govdata.federation.*} settings: the harvest of the peers' directories.
 *
 * @param harvestEnabled harvest every enabled peer below this node on a schedule
 * @param harvestInterval the pause between two scheduled harvests
 * @param harvestTimeout how long one request to a peer may take
 * @param harvestPageSize the packages asked for per {@code package_search} request (CKAN allows at
 *     most 1000)
 */
@Validated
@ConfigurationProperties("govdata.federation")
public record FederationProperties(
    @DefaultValue("true") boolean harvestEnabled,
    @NotNull @DefaultValue("PT1H") Duration harvestInterval,
    @NotNull @DefaultValue("PT30S") Duration harvestTimeout,
    @Min(1) @Max(1000) @DefaultValue("500") int harvestPageSize) {}
