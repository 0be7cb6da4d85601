package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json turns a bad value into an error naming the value, before anything renders. */
class ValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          zone.regionCode                  | 4403       | regionCode
          zone.level                       | township   | level
          podSecurity.runAsUser            | 0          | runAsUser
          catalog.replicas                 | 0          | replicas
          catalog.resources.limits.memory  | lots       | memory
          gateway.spark.mode               | yarn       | mode
          pipelines.mainClass              | PipelineMain | mainClass
          pipelines.jobs[0].schedule       | nightly    | schedule
          pipelines.jobs[0].pipeline       | legal-entity | pipeline
          pipelines.jobs[0].driver.memory  | 4GB        | memory
          warehouse.type                   | nfs        | type
          elasticsearch.mode               | opensearch | mode
          ranger.mode                      | none       | mode
          networkPolicy.kubernetesApi.cidrs[0] | 10.0.0.1 | cidrs
          catalog.replicaCount             | 3          | replicaCount
          gateway.service.type             | ExternalName | type
          catalog.ingress.tls.secretName   | ''         | secretName
          exchange.nodeId                  | GD_Province | nodeId
          exchange.agent.port              | 0          | port
          exchange.deliverDue.intervalSeconds | 1       | intervalSeconds
          exchange.deliverDue.jdbc.url     | postgres://db | url
          """)
  void rejectsAnInvalidValueNamingIt(String key, String value, String named) {
    assertThatThrownBy(() -> HelmChart.templateWith(Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(named);
  }

  @Test
  void rangerAdminModeNeedsTheAdminUrl() {
    assertThatThrownBy(() -> HelmChart.templateWith(Map.of("ranger.mode", "admin")))
        .hasMessageContaining("ranger")
        .hasMessageContaining("url");
  }

  @Test
  void aDatabasePasswordMustComeFromASecretOrAValue() {
    assertThatThrownBy(() -> HelmChart.templateWith(Map.of("postgresql.existingSecret", "")))
        .hasMessageContaining("postgresql");
  }

  @Test
  void theExchangeNeedsItsNodeIdOnceEnabled() {
    assertThatThrownBy(() -> HelmChart.templateWith(Map.of("exchange.enabled", "true")))
        .hasMessageContaining("exchange")
        .hasMessageContaining("nodeId");
  }

  @Test
  void atlasNeedsAnUrlAndCredentialsOnceEnabled() {
    assertThatThrownBy(() -> HelmChart.templateWith(Map.of("atlas.enabled", "true")))
        .hasMessageContaining("atlas");
  }

  @Test
  void theSameOverridesWithValidValuesRender() {
    String rendered =
        HelmChart.templateWith(
            Map.of(
                "zone.regionCode",
                "440304",
                "ranger.mode",
                "admin",
                "ranger.admin.url",
                "https://ranger.example.gov.cn:6182"));

    assertThat(rendered).contains("<value>https://ranger.example.gov.cn:6182</value>");
  }
}
