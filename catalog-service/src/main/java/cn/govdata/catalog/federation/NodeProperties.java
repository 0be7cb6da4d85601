package cn.govdata.catalog.federation;

import cn.govdata.governance.directory.AdministrativeLevel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code govdata.node.*} settings: who this node (节点) is among its peers.
 *
 * @param id the node's id, e.g. {@code gd-province}: 1-63 lower-case letters, digits or '-'
 * @param regionCode the GB/T 2260 code of the region the node serves
 * @param level province, city or county
 * @param baseUrl the public address of this catalog service, as peers reach it
 * @param exchangeUrl the address of the node's exchange agent (前置交换节点); {@code null} when none
 * @param certificateFile the agent's TLS certificate (PEM), shown to peers; {@code null} when none
 */
@Validated
@ConfigurationProperties("govdata.node")
public record NodeProperties(
    @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") @DefaultValue("local") String id,
    @NotNull @Pattern(regexp = "\\d{6}") @DefaultValue("440000") String regionCode,
    @NotNull @DefaultValue("PROVINCE") AdministrativeLevel level,
    @NotNull @DefaultValue("http://127.0.0.1:8080") URI baseUrl,
    URI exchangeUrl,
    Path certificateFile) {}
