package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodSecurityTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyPodRunsAsANumericNonRootUserWithAReadOnlyRootFileSystem(ValueSet values) {
    Map<String, PodSpec> pods = Rendered.with(values).podSpecs();

    assertThat(pods).containsKeys("Deployment/govdata-catalog", "StatefulSet/govdata-gateway");
    pods.forEach((workload, pod) -> assertLockedDown(workload, pod));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void sparkExecutorPodTemplatesAreValidPodsLockedDownTheSameWay(ValueSet values) {
    Manifests manifests = Rendered.with(values);

    assertThat(manifests.executorPodTemplates())
        .containsOnlyKeys("govdata-gateway", "govdata-pipelines");
    manifests
        .executorPodTemplates()
        .forEach(
            (configMap, pod) -> {
              assertLockedDown(configMap + " executor", pod.getSpec());
              assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void clusterModeDriverPodTemplatesAreValidPodsLockedDownTheSameWay(ValueSet values) {
    Manifests manifests = Rendered.with(values);

    manifests
        .driverPodTemplates()
        .forEach(
            (template, pod) -> {
              assertLockedDown(template, pod.getSpec());
              // a driver starts its executors: it has the Spark identity and its token
              assertThat(pod.getSpec().getServiceAccountName())
                  .as(template)
                  .isEqualTo("govdata-spark");
              assertThat(pod.getSpec().getAutomountServiceAccountToken()).as(template).isTrue();
            });
    boolean cluster =
        manifests.podSpecs().values().stream()
            .anyMatch(pod -> pod.getContainers().get(0).getArgs().contains("cluster"));
    assertThat(manifests.driverPodTemplates().isEmpty()).isEqualTo(!cluster);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void onlySparkDriversGetAnApiTokenAndTheirRoleStaysInTheNamespace(ValueSet values) {
    Manifests manifests = Rendered.with(values);

    manifests
        .podSpecs()
        .forEach(
            (workload, pod) -> {
              if (Boolean.TRUE.equals(pod.getAutomountServiceAccountToken())) {
                assertThat(pod.getServiceAccountName()).as(workload).isEqualTo("govdata-spark");
                assertThat(pod.getContainers().get(0).getArgs())
                    .as(workload)
                    .contains("k8s://https://kubernetes.default.svc:443");
              }
            });
    assertThat(manifests.ofType(io.fabric8.kubernetes.api.model.rbac.ClusterRole.class)).isEmpty();
    assertThat(manifests.ofType(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyPodMeetsThePodSecurityStandardRestricted(ValueSet values) {
    // So that the release's namespace can be labelled
    // pod-security.kubernetes.io/enforce=restricted.
    Manifests manifests = Rendered.with(values);
    Map<String, PodSpec> pods = new java.util.LinkedHashMap<>(manifests.podSpecs());
    manifests
        .executorPodTemplates()
        .forEach((configMap, pod) -> pods.put(configMap + " executor", pod.getSpec()));
    manifests.driverPodTemplates().forEach((template, pod) -> pods.put(template, pod.getSpec()));

    pods.forEach(
        (workload, pod) -> {
          assertThat(pod.getHostNetwork()).as(workload).isNotEqualTo(Boolean.TRUE);
          assertThat(pod.getHostPID()).as(workload).isNotEqualTo(Boolean.TRUE);
          assertThat(pod.getHostIPC()).as(workload).isNotEqualTo(Boolean.TRUE);
          for (Volume volume : pod.getVolumes()) {
            assertThat(restrictedVolumeType(volume))
                .as(workload + " volume " + volume.getName())
                .isTrue();
          }
          for (Container container : pod.getContainers()) {
            assertThat(container.getPorts())
                .as(workload + " hostPort")
                .allSatisfy(port -> assertThat(port.getHostPort()).isNull());
            assertThat(container.getSecurityContext().getCapabilities().getAdd())
                .as(workload)
                .isSubsetOf("NET_BIND_SERVICE");
          }
        });
  }

  private static boolean restrictedVolumeType(Volume volume) {
    return volume.getConfigMap() != null
        || volume.getSecret() != null
        || volume.getEmptyDir() != null
        || volume.getPersistentVolumeClaim() != null
        || volume.getProjected() != null
        || volume.getDownwardAPI() != null
        || volume.getCsi() != null
        || volume.getEphemeral() != null;
  }

  private static void assertLockedDown(String workload, PodSpec pod) {
    var podContext = pod.getSecurityContext();
    assertThat(podContext.getRunAsNonRoot()).as(workload + " runAsNonRoot").isTrue();
    assertThat(podContext.getRunAsUser()).as(workload + " runAsUser").isPositive();
    assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container container : pod.getContainers()) {
      String name = workload + "/" + container.getName();
      var context = container.getSecurityContext();
      assertThat(context.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
      assertThat(context.getAllowPrivilegeEscalation()).as(name).isFalse();
      assertThat(context.getCapabilities().getDrop()).as(name).containsExactly("ALL");
      assertThat(context.getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
      // With a read-only root, /tmp must be a writable volume of the pod's own.
      var tmp =
          container.getVolumeMounts().stream()
              .filter(mount -> mount.getMountPath().equals("/tmp"))
              .findFirst();
      assertThat(tmp).as(name + " mounts /tmp").isPresent();
      String volume = tmp.get().getName();
      boolean emptyDir =
          pod.getVolumes().stream()
              .filter(v -> v.getName().equals(volume))
              .map(Volume::getEmptyDir)
              .anyMatch(java.util.Objects::nonNull);
      assertThat(emptyDir).as(name + " /tmp is an emptyDir").isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void configMapsHoldNoCredentialKeys(ValueSet values) {
    for (ConfigMap configMap : Rendered.with(values).ofType(ConfigMap.class)) {
      assertThat(configMap.getData().values())
          .as(configMap.getMetadata().getName())
          .noneMatch(text -> text.contains("PRIVATE KEY"))
          .noneMatch(text -> text.matches("(?is).*\\bpassword\\s*[:=]\\s*\\S+.*"));
    }
  }
}
