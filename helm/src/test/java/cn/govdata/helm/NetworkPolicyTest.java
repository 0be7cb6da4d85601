package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkPolicyTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyPodIsDeniedByDefaultAndOpenedByAPolicyOfItsOwn(ValueSet values) {
    Manifests manifests = Rendered.with(values);
    NetworkPolicy deny = manifests.named(NetworkPolicy.class, "govdata-default-deny");

    assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(deny.getSpec().getEgress()).isEmpty();

    for (Map<String, String> labels : podLabels(manifests)) {
      assertThat(selects(deny.getSpec().getPodSelector(), labels))
          .as("denied: %s", labels)
          .isTrue();
      long own =
          manifests.ofType(NetworkPolicy.class).stream()
              .filter(
                  policy -> !policy.equals(deny) && !Manifests.name(policy).equals("govdata-dns"))
              .filter(policy -> selects(policy.getSpec().getPodSelector(), labels))
              .count();
      assertThat(own).as("policies opening %s", labels).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void thePortalIsReachableOnlyFromTheIngressControllerAndTheGatewayOnlyFromTheCatalog(
      ValueSet values) {
    Manifests manifests = Rendered.with(values);

    var catalogIngress =
        manifests.named(NetworkPolicy.class, "govdata-catalog").getSpec().getIngress();
    // besides the ingress controller, only the node's deliver-due (when the exchange runs) and
    // the SQL gateway (when it polls the catalog's compiled policies)
    for (var rule : catalogIngress.subList(1, catalogIngress.size())) {
      assertThat(rule.getFrom())
          .singleElement()
          .satisfies(
              peer ->
                  assertThat(peer.getPodSelector().getMatchLabels())
                      .extractingByKey("app.kubernetes.io/component")
                      .isIn("deliver-due", "gateway"));
    }
    assertThat(catalogIngress.get(0).getFrom())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));

    var gatewayJdbc =
        manifests.named(NetworkPolicy.class, "govdata-gateway").getSpec().getIngress().get(0);
    assertThat(gatewayJdbc.getPorts())
        .singleElement()
        .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(10000));
    List<NetworkPolicyPeer> podPeers =
        gatewayJdbc.getFrom().stream().filter(peer -> peer.getPodSelector() != null).toList();
    assertThat(podPeers)
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/component", "catalog"));
  }

  @Test
  void theProvinceNodeRestrictsDatabaseAndHdfsTrafficToTheirNetworks() {
    Manifests manifests = Rendered.with(ValueSet.named("province-node-values.yaml"));

    String catalogEgress =
        manifests.named(NetworkPolicy.class, "govdata-catalog").getSpec().getEgress().toString();
    String pipelineEgress =
        manifests.named(NetworkPolicy.class, "govdata-pipelines").getSpec().getEgress().toString();
    assertThat(catalogEgress).contains("cidr=10.20.0.0/24");
    assertThat(pipelineEgress)
        .contains("cidr=10.30.0.0/16", "cidr=10.30.1.0/24", "cidr=198.51.100.0/24");
    assertThat(manifests.named(NetworkPolicy.class, "govdata-search")).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void clusterModeSubmittersReachOnlyTheApiServerWhileDriversAndExecutorsReachEachOther(
      ValueSet values) {
    Manifests manifests = Rendered.with(values);
    if (manifests.driverPodTemplates().isEmpty()) {
      assertThat(manifests.ofType(NetworkPolicy.class))
          .noneMatch(policy -> Manifests.name(policy).equals("govdata-pipeline-submitters"));
      return;
    }
    NetworkPolicy submitters = manifests.named(NetworkPolicy.class, "govdata-pipeline-submitters");
    assertThat(submitters.getSpec().getIngress()).isEmpty();
    assertThat(submitters.getSpec().getEgress())
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.getPorts())
                    .extracting(port -> port.getPort().getIntVal())
                    .containsExactlyInAnyOrder(443, 6443));

    Map<String, String> executor =
        manifests.executorPodTemplates().get("govdata-pipelines").getMetadata().getLabels();
    NetworkPolicy drivers = manifests.named(NetworkPolicy.class, "govdata-pipelines");
    NetworkPolicy executors = manifests.named(NetworkPolicy.class, "govdata-pipelines-executors");
    for (var template : manifests.driverPodTemplates().values()) {
      Map<String, String> driver = template.getMetadata().getLabels();
      assertThat(selects(drivers.getSpec().getPodSelector(), driver)).isTrue();
      assertThat(drivers.getSpec().getIngress())
          .anySatisfy(rule -> assertThat(admits(rule.getFrom(), executor)).isTrue());
      assertThat(drivers.getSpec().getEgress())
          .anySatisfy(rule -> assertThat(admits(rule.getTo(), executor)).isTrue())
          // the API server, to start the executors
          .anySatisfy(
              rule ->
                  assertThat(rule.getPorts())
                      .extracting(port -> port.getPort().getIntVal())
                      .contains(6443));
      assertThat(executors.getSpec().getIngress())
          .anySatisfy(rule -> assertThat(admits(rule.getFrom(), driver)).isTrue());
      assertThat(executors.getSpec().getEgress())
          .anySatisfy(rule -> assertThat(admits(rule.getTo(), driver)).isTrue());
    }
  }

  private static boolean admits(List<NetworkPolicyPeer> peers, Map<String, String> labels) {
    return peers.stream()
        .anyMatch(peer -> peer.getPodSelector() != null && selects(peer.getPodSelector(), labels));
  }

  private static List<Map<String, String>> podLabels(Manifests manifests) {
    List<Map<String, String>> labels = new ArrayList<>();
    manifests
        .ofType(Deployment.class)
        .forEach(d -> labels.add(d.getSpec().getTemplate().getMetadata().getLabels()));
    manifests
        .ofType(StatefulSet.class)
        .forEach(s -> labels.add(s.getSpec().getTemplate().getMetadata().getLabels()));
    manifests
        .ofType(CronJob.class)
        .forEach(
            c ->
                labels.add(
                    c.getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()));
    manifests
        .executorPodTemplates()
        .forEach(
            (configMap, executor) -> {
              if (usesKubernetesExecutors(manifests, configMap)) {
                labels.add(executor.getMetadata().getLabels());
              }
            });
    manifests
        .driverPodTemplates()
        .forEach((template, driver) -> labels.add(driver.getMetadata().getLabels()));
    return labels;
  }

  private static boolean usesKubernetesExecutors(Manifests manifests, String configMap) {
    return manifests.podSpecs().entrySet().stream()
        .filter(
            entry ->
                entry.getValue().getVolumes().stream()
                    .anyMatch(
                        v ->
                            v.getConfigMap() != null
                                && v.getConfigMap().getName().equals(configMap)))
        .anyMatch(
            entry ->
                entry.getValue().getContainers().get(0).getArgs().stream()
                    .anyMatch(arg -> arg.startsWith("k8s://")));
  }

  private static boolean selects(LabelSelector selector, Map<String, String> labels) {
    return selector.getMatchExpressions().isEmpty()
        && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
  }
}
