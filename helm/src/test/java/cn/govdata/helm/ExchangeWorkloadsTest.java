package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node's exchange data plane as the province node deploys it: the mTLS agent (Deployment,
 * Service, a NetworkPolicy letting the peers in) and deliver-due (a Deployment looping), each
 * started with a command line the real {@code cn.govdata.pipelines.Main} accepts, reading its
 * keystore, peer registry, signing keys and API key from the Secrets and the ConfigMap named in the
 * values.
 */
class ExchangeWorkloadsTest {

  static final ValueSet PROVINCE = ValueSet.named("province-node-values.yaml");
  static final PipelinesCommandLine MAIN = PipelinesCommandLine.of(SparkJobsTest.PIPELINE_MAIN);
  static final List<String> PEER_CIDRS = List.of("198.51.100.0/24", "203.0.113.0/24");

  @Test
  void theDefaultsDeployNoExchangeWorkloads() {
    Manifests manifests = Rendered.with(ValueSet.defaults());

    assertThat(manifests.ofType(Deployment.class).stream().map(Manifests::name))
        .doesNotContain("govdata-exchange-agent", "govdata-deliver-due");
    assertThat(manifests.ofType(NetworkPolicy.class).stream().map(Manifests::name))
        .doesNotContain("govdata-exchange-agent", "govdata-deliver-due");
  }

  @Test
  void theAgentServesMutualTlsToThePeersWithTheNodesKeystoreAndRegistry() {
    Manifests manifests = Rendered.with(PROVINCE);
    Deployment agent = manifests.named(Deployment.class, "govdata-exchange-agent");
    PodSpec pod = agent.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(agent.getSpec().getReplicas()).as("one exchange log holder").isEqualTo(1);
    assertThat(agent.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    PipelinesCommandLine.Invocation run = MAIN.checkExchange(mainArguments(container));
    assertThat(run.command()).isEqualTo("agent");
    assertThat(run.options())
        .containsEntry("--home", SparkJobsTest.PIPELINE_HOME)
        .containsEntry("--port", "8443")
        .containsEntry("--tls-password-env", "GOVDATA_TLS_PASSWORD");
    assertNodeFiles(pod, run);
    assertThat(secretOf(container, "GOVDATA_TLS_PASSWORD")).isEqualTo("gd-exchange-keystore");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8443);
    assertThat(container.getReadinessProbe().getTcpSocket().getPort().getStrVal())
        .isEqualTo("exchange");

    Service service = manifests.named(Service.class, "govdata-exchange-agent");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(agent.getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8443);
    assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(service.getSpec().getLoadBalancerSourceRanges())
        .containsExactlyElementsOf(PEER_CIDRS);

    NetworkPolicy policy = manifests.named(NetworkPolicy.class, "govdata-exchange-agent");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(agent.getSpec().getSelector().getMatchLabels());
    NetworkPolicyIngressRule ingress = policy.getSpec().getIngress().get(0);
    assertThat(policy.getSpec().getIngress()).hasSize(1);
    assertThat(ingress.getPorts())
        .singleElement()
        .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8443));
    assertThat(ingress.getFrom().stream().map(peer -> peer.getIpBlock().getCidr()))
        .containsExactlyElementsOf(PEER_CIDRS);
    assertThat(policy.getSpec().getEgress()).as("the agent calls nobody").isEmpty();
  }

  @Test
  void deliverDueAsksTheCatalogWithItsAgentKeyAndWritesTheExchangeDatabase() {
    Manifests manifests = Rendered.with(PROVINCE);
    Deployment deliverDue = manifests.named(Deployment.class, "govdata-deliver-due");
    PodSpec pod = deliverDue.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(deliverDue.getSpec().getReplicas()).isEqualTo(1);
    SparkSubmit submit = submitOf(container);
    assertThat(submit.master()).startsWith("local[");
    assertThat(submit.mainClass()).isEqualTo(SparkJobsTest.PIPELINE_MAIN);
    PipelinesCommandLine.Invocation run = MAIN.checkExchange(submit.arguments());
    assertThat(run.command()).isEqualTo("deliver-due");
    assertThat(run.options())
        .containsEntry("--home", SparkJobsTest.PIPELINE_HOME)
        .containsEntry("--catalog", "http://govdata-catalog:8080")
        .containsEntry("--interval-seconds", "60")
        .containsEntry("--jdbc-url", "jdbc:postgresql://pg-exchange-rw.database.svc:5432/exchange")
        .containsEntry("--jdbc-user", "exchange");
    assertNodeFiles(pod, run);
    assertThat(secretOf(container, run.options().get("--api-key-env")))
        .isEqualTo("gd-exchange-agent-key");
    assertThat(secretOf(container, run.options().get("--jdbc-password-env")))
        .isEqualTo("gd-exchange-db");
    assertThat(manifests.named(Service.class, "govdata-catalog").getSpec().getPorts())
        .anySatisfy(port -> assertThat(port.getPort()).isEqualTo(8080));

    NetworkPolicy policy = manifests.named(NetworkPolicy.class, "govdata-deliver-due");
    assertThat(policy.getSpec().getIngress()).isEmpty();
    assertThat(policy.getSpec().getEgress())
        .anySatisfy(
            rule -> {
              assertThat(rule.getTo())
                  .extracting(NetworkPolicyPeer::getPodSelector)
                  .anySatisfy(
                      selector ->
                          assertThat(selector.getMatchLabels())
                              .containsEntry("app.kubernetes.io/component", "catalog"));
              assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(8080);
            })
        .anySatisfy(
            rule -> {
              assertThat(rule.getTo())
                  .allSatisfy(peer -> assertThat(peer.getIpBlock()).isNotNull());
              assertThat(rule.getTo().stream().map(peer -> peer.getIpBlock().getCidr()))
                  .containsExactlyElementsOf(PEER_CIDRS);
              assertThat(rule.getPorts().stream().map(port -> port.getPort().getIntVal()))
                  .containsExactly(8443, 443);
            });
  }

  @Test
  void theCatalogVerifiesReceiptsWithTheSameNodeKeysAndNodeIdAsTheDataPlane() {
    Manifests manifests = Rendered.with(PROVINCE);
    PodSpec catalog =
        manifests.named(Deployment.class, "govdata-catalog").getSpec().getTemplate().getSpec();

    assertThat(secretMountedAt(catalog, "/var/lib/govdata/node")).isEqualTo("gd-node-key");
    assertThat(manifests.configMapEntry("govdata-catalog", "application-kubernetes.yml"))
        .contains("node:", "id: gd-province", "level: PROVINCE");
  }

  /** The home claim, the signing keys in it, the keystore and the peer registry, where given. */
  private static void assertNodeFiles(PodSpec pod, PipelinesCommandLine.Invocation run) {
    String home = run.options().get("--home");
    assertThat(claimMountedAt(pod, home)).isEqualTo("gd-pipelines-home");
    assertThat(secretMountedAt(pod, home + "/node")).isEqualTo("gd-node-key");
    String keystore = run.options().get("--tls-keystore");
    assertThat(secretMountedAt(pod, parent(keystore))).isEqualTo("gd-exchange-keystore");
    assertThat(keystore).endsWith("/node.p12");
    String peers = run.options().get("--peers");
    Volume registry = volumeMountedAt(pod, parent(peers));
    assertThat(registry.getConfigMap().getName()).isEqualTo("gd-exchange-peers");
    assertThat(registry.getConfigMap().getItems())
        .anySatisfy(item -> assertThat(item.getPath()).isEqualTo("peers.json"));
  }

  private static SparkSubmit submitOf(Container container) {
    List<String> commandLine = new ArrayList<>(container.getCommand());
    commandLine.addAll(container.getArgs());
    return SparkSubmit.parse(commandLine);
  }

  private static List<String> mainArguments(Container container) {
    return submitOf(container).arguments();
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }

  private static Volume volumeMountedAt(PodSpec pod, String path) {
    VolumeMount mount =
        pod.getContainers().get(0).getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals(path))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(mount.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
  }

  private static String secretMountedAt(PodSpec pod, String path) {
    Volume volume = volumeMountedAt(pod, path);
    assertThat(volume.getSecret()).as(path + " is a Secret").isNotNull();
    return volume.getSecret().getSecretName();
  }

  private static String claimMountedAt(PodSpec pod, String path) {
    Volume volume = volumeMountedAt(pod, path);
    assertThat(volume.getPersistentVolumeClaim()).as(path + " is a volume claim").isNotNull();
    return volume.getPersistentVolumeClaim().getClaimName();
  }

  /** The Secret a variable is read from. */
  private static String secretOf(Container container, String variable) {
    EnvVar env =
        container.getEnv().stream()
            .filter(e -> e.getName().equals(variable))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no variable " + variable));
    assertThat(env.getValueFrom()).as(variable + " from a Secret").isNotNull();
    return env.getValueFrom().getSecretKeyRef().getName();
  }
}
