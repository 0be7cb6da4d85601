package cn.govdata.catalog.apikey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code govdata.data-api.*} settings: where the SQL gateway is, the default limits of an API
 * key (a key may carry its own) and the pages the data API returns.
 *
 * @param gatewayUrl the Hive JDBC URL of the SQL gateway
 * @param gatewayUsersFile the gateway's user file the catalog writes its users and active API-key
 *     hashes to, so the gateway authenticates the same keys; none when blank
 * @param gatewayPolicyFile the gateway's compiled policy file the catalog writes from its
 *     published, mapped entries and departments; none when blank
 * @param requestsPerSecond the default sustained rate of a key (token bucket refill per second)
 * @param burst the default bucket size: requests a key may make at once
 * @param dailyRequests the default quota of data requests per key and day
 * @param dailyRows the default quota of rows returned per key and day
 * @param quotaZone the time zone whose midnight resets the daily quotas
 * @param defaultLimit rows per page when the caller names no limit
 * @param maxLimit the largest page (also the largest CSV download)
 */
@Validated
@ConfigurationProperties("govdata.data-api")
public record DataApiLimits(
    @NotBlank @DefaultValue("jdbc:hive2://127.0.0.1:10000/default") String gatewayUrl,
    Path gatewayUsersFile,
    Path gatewayPolicyFile,
    @Min(1) @Max(10_000) @DefaultValue("5") int requestsPerSecond,
    @Min(1) @Max(10_000) @DefaultValue("10") int burst,
    @Min(1) @DefaultValue("10000") long dailyRequests,
    @Min(1) @DefaultValue("1000000") long dailyRows,
    @NotNull @DefaultValue("Asia/Shanghai") ZoneId quotaZone,
    @Min(1) @DefaultValue("100") int defaultLimit,
    @Min(1) @Max(100_000) @DefaultValue("10000") int maxLimit) {}
