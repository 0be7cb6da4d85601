package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** catalog-service and the SQL gateway as the platform's URL and port contract names them. */
class CatalogServiceTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void probesCallTheActuatorHealthGroups(ValueSet values) {
    Container catalog =
        catalog(Rendered.with(values)).getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(catalog.getLivenessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(catalog.getStartupProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(catalog.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(catalog.getResources().getLimits()).containsKey("memory");
    assertThat(catalog.getResources().getRequests()).containsKeys("cpu", "memory");
    // The groups exist only with probes enabled in the service's configuration.
    var configuration =
        Manifests.yaml(
            Rendered.with(values).configMapEntry("govdata-catalog", "application-kubernetes.yml"));
    assertThat(configuration.at("/management/endpoint/health/probes/enabled").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void theGatewayIsAStatefulSetServingHiveServer2OnPort10000(ValueSet values) {
    Manifests manifests = Rendered.with(values);
    StatefulSet gateway = manifests.named(StatefulSet.class, "govdata-gateway");
    Service service = manifests.named(Service.class, "govdata-gateway");

    assertThat(gateway.getSpec().getServiceName()).isEqualTo("govdata-gateway-headless");
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(port -> assertThat(port.getPort()).isEqualTo(10000));
    assertThat(manifests.configMapEntry("govdata-catalog", "application-kubernetes.yml"))
        .contains("gateway-url: jdbc:hive2://govdata-gateway:10000/default");
  }

  @Test
  void theProvinceNodeAutoscalesTheCatalogAndKeepsTwoPodsThroughDisruptions() {
    Manifests manifests = Rendered.with(ValueSet.named("province-node-values.yaml"));
    HorizontalPodAutoscaler hpa = manifests.named(HorizontalPodAutoscaler.class, "govdata-catalog");

    assertThat(catalog(manifests).getSpec().getReplicas()).as("the HPA owns replicas").isNull();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(12);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("govdata-catalog");
    assertThat(
            manifests
                .named(PodDisruptionBudget.class, "govdata-catalog")
                .getSpec()
                .getMinAvailable()
                .getIntVal())
        .isEqualTo(2);
    Service jdbc = manifests.named(Service.class, "govdata-gateway");
    assertThat(jdbc.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(jdbc.getSpec().getLoadBalancerSourceRanges()).containsExactly("172.20.8.0/24");
    assertThat(jdbc.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
    assertThat(manifests.named(Ingress.class, "govdata-catalog").getSpec().getTls())
        .singleElement()
        .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("data.gd.example.gov.cn"));
  }

  @Test
  void aSinglePodZoneGetsNoDisruptionBudgetThatWouldBlockNodeDrains() {
    Manifests manifests = Rendered.with(ValueSet.named("small-zone-values.yaml"));

    assertThat(catalog(manifests).getSpec().getReplicas()).isEqualTo(1);
    assertThat(manifests.ofType(PodDisruptionBudget.class)).isEmpty();
    assertThat(manifests.ofType(HorizontalPodAutoscaler.class)).isEmpty();
  }

  @Test
  void theProvinceSearchClusterRunsTheElasticsearchVersionThePlatformIsBuiltFor()
      throws java.io.IOException {
    var cluster =
        Rendered.with(ValueSet.named("province-node-values.yaml"))
            .named(
                io.fabric8.kubernetes.api.model.GenericKubernetesResource.class, "govdata-search");

    assertThat(cluster.getKind()).isEqualTo("Elasticsearch");
    assertThat((String) cluster.get("spec", "version"))
        .isEqualTo(ContainerImagesTest.property("elasticsearch.version"));
    assertThat((java.util.List<?>) cluster.get("spec", "nodeSets")).hasSize(2);
    // catalog-service trusts the operator's CA for the cluster's HTTPS endpoint.
    var catalog =
        catalog(Rendered.with(ValueSet.named("province-node-values.yaml")))
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(catalog.getVolumes())
        .filteredOn(volume -> volume.getSecret() != null)
        .anySatisfy(
            volume ->
                assertThat(volume.getSecret().getSecretName())
                    .isEqualTo("govdata-search-es-http-certs-public"));
  }

  private static Deployment catalog(Manifests manifests) {
    return manifests.named(Deployment.class, "govdata-catalog");
  }
}
