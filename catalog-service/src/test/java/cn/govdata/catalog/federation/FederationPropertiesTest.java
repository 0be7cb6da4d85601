package cn.govdata.catalog.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.AdministrativeLevel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FederationPropertiesTest {

  @Test
  void defaultsHarvestHourlyAndDescribeALocalProvinceNode() {
    Binder empty = new Binder(new MapConfigurationPropertySource(Map.of()));
    FederationProperties federation =
        empty.bindOrCreate("govdata.federation", FederationProperties.class);
    assertThat(federation.harvestEnabled()).isTrue();
    assertThat(federation.harvestInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(federation.harvestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(federation.harvestPageSize()).isEqualTo(500);
    NodeProperties node = empty.bindOrCreate("govdata.node", NodeProperties.class);
    assertThat(node.id()).isEqualTo("local");
    assertThat(node.regionCode()).isEqualTo("440000");
    assertThat(node.level()).isEqualTo(AdministrativeLevel.PROVINCE);
    assertThat(node.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(node.exchangeUrl()).isNull();
    assertThat(node.certificateFile()).isNull();
  }

  @Test
  void everySettingMapsFromItsKebabCaseName() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "govdata.federation.harvest-enabled", "false",
                    "govdata.federation.harvest-interval", "15m",
                    "govdata.federation.harvest-timeout", "PT5S",
                    "govdata.federation.harvest-page-size", "1000",
                    "govdata.node.id", "fs-city",
                    "govdata.node.region-code", "440600",
                    "govdata.node.level", "CITY",
                    "govdata.node.base-url", "https://data.foshan.example",
                    "govdata.node.exchange-url", "https://exchange.foshan.example:8443",
                    "govdata.node.certificate-file", "/etc/govdata/agent.pem")));
    FederationProperties federation =
        binder.bindOrCreate("govdata.federation", FederationProperties.class);
    assertThat(federation.harvestEnabled()).isFalse();
    assertThat(federation.harvestInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(federation.harvestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(federation.harvestPageSize()).isEqualTo(1000);
    NodeProperties node = binder.bindOrCreate("govdata.node", NodeProperties.class);
    assertThat(node.id()).isEqualTo("fs-city");
    assertThat(node.regionCode()).isEqualTo("440600");
    assertThat(node.level()).isEqualTo(AdministrativeLevel.CITY);
    assertThat(node.baseUrl()).isEqualTo(URI.create("https://data.foshan.example"));
    assertThat(node.exchangeUrl()).isEqualTo(URI.create("https://exchange.foshan.example:8443"));
    assertThat(node.certificateFile()).isEqualTo(Path.of("/etc/govdata/agent.pem"));
  }

  @Test
  void aPeerBelowIsOneWhoseRegionLiesInsideThisNodes() {
    assertThat(Peer.Relation.of("440000", "440600")).isEqualTo(Peer.Relation.BELOW);
    assertThat(Peer.Relation.of("440600", "440604")).isEqualTo(Peer.Relation.BELOW);
    assertThat(Peer.Relation.of("440600", "440000")).isEqualTo(Peer.Relation.ABOVE);
    assertThat(Peer.Relation.of("440600", "440100")).isEqualTo(Peer.Relation.OTHER);
    assertThat(Peer.Relation.of("440000", "440000")).isEqualTo(Peer.Relation.OTHER);
    assertThat(Peer.Relation.of("440000", "450100")).isEqualTo(Peer.Relation.OTHER);
  }
}
