package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.pipelines.link.LinkConfig;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pipelines run as the same jar and main class whether Spark runs inside the Job's pod (local[N])
 * or is submitted in cluster mode to Kubernetes, and as bin/govdata runs them locally; only the
 * master, the deploy mode and the Kubernetes settings differ. The main class, its command line and
 * the master it ends up with are checked against the real class.
 */
class SparkJobsTest {

  /** The pipelines' command line, the class bin/govdata runs. */
  static final String PIPELINE_MAIN = "cn.govdata.pipelines.Main";

  static final String PIPELINE_JAR = "/opt/govdata/pipelines/exchange-pipelines.jar";

  static final String PIPELINE_HOME = "/var/lib/govdata/pipelines";

  static final String SOURCES = "/var/lib/govdata/sources";

  static final String GATEWAY_HOME = "/var/lib/govdata/sql";

  static final String SUBMIT_AND_WAIT = "/etc/govdata/spark/submit-and-wait.sh";

  static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

  private static final PipelinesCommandLine MAIN = PipelinesCommandLine.of(PIPELINE_MAIN);

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyCronJobRunsAPipelineTheRealMainAccepts(ValueSet values) throws IOException {
    Manifests manifests = Rendered.with(values);
    List<JsonNode> jobs = jobsOf(values);

    assertThat(manifests.ofType(CronJob.class)).hasSameSizeAs(jobs);
    for (JsonNode job : jobs) {
      String name = job.get("name").asText();
      CronJob cronJob = manifests.named(CronJob.class, "govdata-" + name);
      PodSpec pod = manifests.cronJobPod("govdata-" + name);
      SparkSubmit submit = submitOf(pod.getContainers().get(0));

      assertThat(cronJob.getSpec().getSchedule()).isEqualTo(job.get("schedule").asText());
      assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
      assertThat(submit.mainClass()).isEqualTo(PIPELINE_MAIN);
      assertThat(submit.jarPath()).isEqualTo(PIPELINE_JAR);
      assertThat(submit.conf())
          .containsEntry("spark.driver.memory", job.at("/driver/memory").asText())
          .containsEntry("spark.driver.cores", job.at("/driver/cores").asText());

      PipelinesCommandLine.Invocation run = MAIN.check(submit.arguments());
      assertThat(run.command()).isEqualTo("pipeline");
      assertThat(run.subject()).isEqualTo(job.get("pipeline").asText());
      // Main builds its own session; the master it chooses is the one spark-submit gave it.
      assertThat(run.options()).doesNotContainKey("--master");
      assertThat(MAIN.masterChosenBy(run.options(), submit.master())).isEqualTo(submit.master());
      assertThat(run.options())
          .containsEntry("--sources", SOURCES + "/" + job.get("sources").asText())
          .containsEntry("--home", PIPELINE_HOME);

      // The pod whose JVM runs Main: the driver pod of a cluster-mode run, else the Job's pod.
      PodSpec driver = pod;
      if (submit.onKubernetes()) {
        assertSubmittedInClusterMode(manifests, pod, submit, job);
        driver = driverTemplate(manifests, pod, submit).getSpec();
      } else {
        assertThat(submit.deployMode()).isEqualTo("client");
        assertThat(submit.wrapper()).isNull();
      }
      assertThat(claimMountedAt(driver, SOURCES))
          .isEqualTo(existingClaim(values, "/pipelines/sources"));
      assertThat(claimMountedAt(driver, PIPELINE_HOME))
          .isEqualTo(existingClaim(values, "/pipelines/home"));
      if (run.options().containsKey("--link-config")) {
        // The rules the job is given are the ones the chart renders for it, and Main's parser
        // of link configurations accepts them.
        String rendered = configMapFileAt(manifests, driver, run.options().get("--link-config"));
        assertThat(Manifests.yaml(rendered)).isEqualTo(job.get("linkConfig"));
        LinkConfig.read(
            new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)), "link config");
      } else {
        assertThat(job.path("linkConfig").isEmpty()).isTrue();
      }
      assertThat(configMapFileAt(manifests, pod, submit.propertiesFile()))
          .contains("spark.sql.catalog.govdata org.apache.iceberg.spark.SparkCatalog");
    }
  }

  /**
   * A Kubernetes run is submitted in cluster mode by a thin Job pod that waits for the application
   * and fails with it; the driver pod follows the job's template, with the job's executors.
   */
  private static void assertSubmittedInClusterMode(
      Manifests manifests, PodSpec pod, SparkSubmit submit, JsonNode job) {
    String name = job.get("name").asText();
    assertThat(submit.deployMode()).isEqualTo("cluster");
    // spark-submit uploads nothing: the jar is in the image the driver pod runs
    assertThat(submit.jar()).isEqualTo("local://" + PIPELINE_JAR);
    assertThat(submit.conf())
        .containsEntry("spark.kubernetes.submission.waitAppCompletion", "true")
        .containsEntry(
            "spark.kubernetes.driver.podTemplateFile",
            "/etc/govdata/spark/" + name + "-driver-pod-template.yaml")
        .containsEntry("spark.kubernetes.driver.podTemplateContainerName", DRIVER_CONTAINER)
        .containsEntry("spark.kubernetes.authenticate.driver.serviceAccountName", "govdata-spark")
        .containsEntry("spark.executor.instances", job.at("/executors/instances").asText())
        .containsEntry("spark.executor.cores", job.at("/executors/cores").asText())
        .containsEntry("spark.executor.memory", job.at("/executors/memory").asText())
        .containsEntry(
            "spark.executor.memoryOverhead", job.at("/executors/memoryOverhead").asText())
        // the driver's address and pod name are Spark's own in cluster mode
        .doesNotContainKeys("spark.driver.host", "spark.kubernetes.driver.pod.name");
    // spark-submit reports the driver's end but exits 0 either way: the wrapper decides
    assertThat(submit.wrapper()).isEqualTo(SUBMIT_AND_WAIT);
    assertThat(configMapFileAt(manifests, pod, SUBMIT_AND_WAIT)).contains("phase: Succeeded");
    // the Job pod only submits: no data, no credentials, little memory
    Container submitter = pod.getContainers().get(0);
    assertThat(submitter.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .doesNotContain(SOURCES, PIPELINE_HOME);
    assertThat(submitter.getEnv()).noneMatch(env -> env.getValueFrom() != null);
    assertThat(submitter.getResources().getLimits().get("memory").getNumericalAmount().longValue())
        .isLessThanOrEqualTo(1L << 30);
    Pod driver = driverTemplate(manifests, pod, submit);
    assertThat(driver.getSpec().getServiceAccountName()).isEqualTo("govdata-spark");
    assertThat(driver.getSpec().getAutomountServiceAccountToken()).isTrue();
    assertThat(driver.getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getName()).isEqualTo(DRIVER_CONTAINER));
    assertThat(driver.getMetadata().getLabels()).containsEntry("govdata.cn/spark-role", "driver");
  }

  private static Pod driverTemplate(Manifests manifests, PodSpec pod, SparkSubmit submit) {
    return StrictKubernetesModel.read(
        Manifests.yaml(
            configMapFileAt(
                manifests, pod, submit.conf().get("spark.kubernetes.driver.podTemplateFile"))),
        Pod.class);
  }

  @Test
  void theJobFailsExactlyWhenTheDriverPodDoesNotSucceed() throws Exception {
    Manifests manifests = Rendered.with(ValueSet.defaults());
    String script =
        configMapFileAt(manifests, manifests.cronJobPod("govdata-population"), SUBMIT_AND_WAIT);
    Path file = Files.createTempFile("submit-and-wait", ".sh");
    Files.writeString(file, script);
    // what spark-submit 3.5 prints while it waits for the driver pod, and at its end
    String running =
        "INFO LoggingPodStatusWatcherImpl: Application status for spark-1 (phase: Running)";
    String finished =
        "INFO LoggingPodStatusWatcherImpl: Application status for spark-1 (phase: %s)";

    assertThat(submitAndWait(file, running, finished.formatted("Succeeded"), 0)).isZero();
    assertThat(submitAndWait(file, running, finished.formatted("Failed"), 0)).isEqualTo(1);
    assertThat(submitAndWait(file, running, "", 0)).as("no final phase").isEqualTo(1);
    assertThat(submitAndWait(file, running, finished.formatted("Succeeded"), 3))
        .as("spark-submit's own failure")
        .isEqualTo(3);
  }

  /** Runs the wrapper over a stand-in for spark-submit that prints two lines and exits. */
  private static int submitAndWait(Path script, String first, String last, int exit)
      throws Exception {
    Process process =
        new ProcessBuilder(
                "/bin/bash",
                script.toString(),
                "/bin/bash",
                "-c",
                "printf '%s\\n%s\\n' \"$0\" \"$1\"; exit " + exit,
                first,
                last)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor();
  }

  @Test
  void theProvinceRunIsGivenItsShufflePartitionsAndLinkRules() {
    SparkSubmit submit = population(ValueSet.named("province-node-values.yaml"));

    // Main reads the partitions from a system property of the driver JVM (spark-submit passes
    // --driver-java-options to the driver pod in cluster mode).
    assertThat(submit.options())
        .containsEntry("--driver-java-options", "-Dgovdata.shuffle.partitions=330");
    assertThat(MAIN.check(submit.arguments()).options())
        .containsEntry("--link-config", "/etc/govdata/pipelines/population-link.yaml");
  }

  @Test
  void aBadCommandLineIsCaughtByTheCheckNotOnlyAtRunTime() {
    // the check itself fails on what Main would refuse, so a passing test means something
    assertThatThrownBy(() -> MAIN.check(List.of("run", "population", "--config", "x.yaml")))
        .hasMessageContaining("does not know `run population`");
    assertThatThrownBy(() -> MAIN.check(List.of("pipeline", "population", "--config", "x.yaml")))
        .hasMessageContaining("--config is not an option of Main");
    assertThatThrownBy(() -> MAIN.check(List.of("pipeline", "population", "--home", "/h")))
        .hasMessageContaining("--sources is required");
  }

  @Test
  void localAndClusterRunsDifferOnlyInMasterDeployModeAndKubernetesSettings() {
    SparkSubmit local = population(renderDefaultsWith("pipelines.spark.mode", "local"));
    SparkSubmit cluster = population(Rendered.with(ValueSet.defaults()));

    assertThat(local.master()).isEqualTo("local[*]");
    assertThat(local.deployMode()).isEqualTo("client");
    assertThat(cluster.master()).isEqualTo("k8s://https://kubernetes.default.svc:443");
    assertThat(cluster.deployMode()).isEqualTo("cluster");
    assertThat(local.conf())
        .doesNotContainKeys(
            "spark.executor.instances", "spark.kubernetes.submission.waitAppCompletion");
    assertThat(cluster.conf())
        .containsEntry("spark.executor.instances", "4")
        .containsEntry("spark.executor.memory", "8g")
        .containsEntry("spark.kubernetes.submission.waitAppCompletion", "true");
    // Everything else is the same: jar, class, the driver's settings and the pipeline's arguments.
    assertThat(withoutExecutorSettings(cluster.conf())).isEqualTo(local.conf());
    assertThat(List.of(local.mainClass(), local.jarPath(), local.propertiesFile()))
        .isEqualTo(List.of(cluster.mainClass(), cluster.jarPath(), cluster.propertiesFile()));
    assertThat(local.arguments()).isEqualTo(cluster.arguments());
  }

  @Test
  void theChartRunsTheClassBinGovdataRunsLocally() throws IOException {
    String script = Files.readString(Repository.root().resolve("bin/govdata"));

    // bin/govdata's `pipeline ...` goes to run_pipelines, which starts Main with the same words.
    assertThat(script)
        .containsPattern(
            "generate\\|link\\|pipeline(\\|[a-z-]+)*\\) run_pipelines \"\\$cmd\" \"\\$@\"")
        .contains(PIPELINE_MAIN + " \"$@\"");
    // Main takes spark-submit's master; run by bin/govdata, without spark-submit, it is local[*].
    SparkSubmit local = population(renderDefaultsWith("pipelines.spark.mode", "local"));
    assertThat(local.master()).isEqualTo("local[*]");
    assertThat(MAIN.check(local.arguments()).options()).doesNotContainKey("--master");
    assertThat(MAIN.masterChosenBy(MAIN.check(local.arguments()).options(), "local[*]"))
        .isEqualTo("local[*]");
  }

  @Test
  void kubernetesExecutorsUseThePipelineImageAndTheLockedDownPodTemplate() {
    Manifests manifests = Rendered.with(ValueSet.named("province-node-values.yaml"));
    String defaults = manifests.configMapEntry("govdata-pipelines", "spark-defaults.conf");

    assertThat(defaults)
        .contains(
            "spark.kubernetes.container.image"
                + " harbor.gd.example.gov.cn/govdata/exchange-pipelines:0.1.0",
            "spark.kubernetes.executor.podTemplateFile"
                + " /etc/govdata/spark/executor-pod-template.yaml",
            "spark.kubernetes.authenticate.serviceAccountName govdata-spark",
            "spark.sql.catalog.govdata.type hive",
            "spark.sql.catalog.govdata.uri thrift://hive-metastore.bigdata.svc:9083",
            "spark.sql.catalog.govdata.warehouse hdfs://gd-nameservice/govdata/warehouse");
    // Executors read HDFS with the zone's client configuration, as the driver does.
    var executor = manifests.executorPodTemplates().get("govdata-pipelines");
    assertThat(executor.getSpec().getContainers().get(0).getEnv())
        .anySatisfy(env -> assertThat(env.getName()).isEqualTo("HADOOP_CONF_DIR"));
    assertThat(executor.getSpec().getVolumes())
        .filteredOn(volume -> volume.getConfigMap() != null)
        .anySatisfy(v -> assertThat(v.getConfigMap().getName()).isEqualTo("gd-hadoop-conf"));
    // The pipelines read sources and write their home as local paths: executors see the same
    // claims at the same paths as the driver.
    PodSpec executorPod = executor.getSpec();
    assertThat(claimMountedAt(executorPod, SOURCES)).isEqualTo("gd-exchange-drop");
    assertThat(claimMountedAt(executorPod, PIPELINE_HOME)).isEqualTo("gd-pipelines-home");
    // The driver pod reads HDFS the same way and sees the same claims.
    Pod driver =
        manifests.driverPodTemplates().get("govdata-pipelines/population-driver-pod-template.yaml");
    assertThat(driver.getSpec().getContainers().get(0).getEnv())
        .anySatisfy(env -> assertThat(env.getName()).isEqualTo("HADOOP_CONF_DIR"));
    assertThat(claimMountedAt(driver.getSpec(), SOURCES)).isEqualTo("gd-exchange-drop");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void theGatewayStartsItsLauncherWithTheSameMasterAndItsHomeOnThePodsVolume(ValueSet values) {
    Manifests manifests = Rendered.with(values);
    PodSpec pod =
        manifests.named(StatefulSet.class, "govdata-gateway").getSpec().getTemplate().getSpec();
    SparkSubmit submit = submitOf(pod.getContainers().get(0));

    assertThat(submit.mainClass()).isEqualTo("cn.govdata.sql.GatewayLauncher");
    assertThat(submit.jar()).isEqualTo("/opt/govdata/sql/sql-gateway.jar");
    // The launcher's options (--home --host --port --master), the master being spark-submit's.
    assertThat(submit.arguments())
        .containsExactly(
            "--home",
            GATEWAY_HOME,
            "--host",
            "0.0.0.0",
            "--port",
            "10000",
            "--master",
            submit.master());
    assertThat(configMapFileAt(manifests, pod, submit.propertiesFile()))
        .contains("spark.govdata.policy.file " + GATEWAY_HOME + "/policies.json")
        .contains("spark.govdata.users.file " + GATEWAY_HOME + "/users.json");
    var mounts = pod.getContainers().get(0).getVolumeMounts();
    assertThat(mounts)
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo(GATEWAY_HOME);
              assertThat(m.getName()).isEqualTo("state");
            })
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo(GATEWAY_HOME + "/users.json"));
  }

  @Test
  void theGatewayReadsTheCompiledPoliciesTheChartMountsIntoItsHome() {
    Manifests manifests = Rendered.with(ValueSet.named("small-zone-values.yaml"));
    PodSpec pod =
        manifests.named(StatefulSet.class, "govdata-gateway").getSpec().getTemplate().getSpec();

    String policies = configMapFileAt(manifests, pod, GATEWAY_HOME + "/policies.json");
    assertThat(Manifests.yaml(policies).get("serviceName").asText()).isEqualTo("govdata");
  }

  @Test
  void theProvinceGatewayPollsTheCatalogsPoliciesWithThePolicyReadersKeyFromItsSecret() {
    Manifests manifests = Rendered.with(ValueSet.named("province-node-values.yaml"));
    PodSpec pod =
        manifests.named(StatefulSet.class, "govdata-gateway").getSpec().getTemplate().getSpec();
    SparkSubmit submit = submitOf(pod.getContainers().get(0));

    assertThat(configMapFileAt(manifests, pod, submit.propertiesFile()))
        .contains(
            "spark.govdata.policy.url http://govdata-catalog:8080/api/v1/policies/ranger",
            "spark.govdata.policy.keyEnv GOVDATA_POLICY_READER_KEY");
    assertThat(pod.getContainers().get(0).getEnv())
        .filteredOn(env -> env.getName().equals("GOVDATA_POLICY_READER_KEY"))
        .singleElement()
        .satisfies(
            env -> {
              assertThat(env.getValue()).isNull();
              assertThat(env.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo("gd-policy-reader");
              assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("apiKey");
            });
    // no static policy file in its home: the catalog is its only source
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .noneMatch(m -> m.getMountPath().equals(GATEWAY_HOME + "/policies.json"));

    var gatewayToCatalog =
        manifests.named(NetworkPolicy.class, "govdata-gateway").getSpec().getEgress().stream()
            .filter(rule -> rule.getTo().stream().anyMatch(peer -> isPod(peer, "catalog")))
            .toList();
    assertThat(gatewayToCatalog)
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.getPorts())
                    .extracting(port -> port.getPort().getIntVal())
                    .containsExactly(8080));
    assertThat(manifests.named(NetworkPolicy.class, "govdata-catalog").getSpec().getIngress())
        .anySatisfy(rule -> assertThat(rule.getFrom()).anyMatch(peer -> isPod(peer, "gateway")));
  }

  @Test
  void anInlinePolicyReaderKeyIsRenderedIntoASecretAndWithoutOneTheChartRefuses() {
    Manifests manifests =
        Manifests.parse(
            HelmChart.templateWith(
                Map.of(
                    "ranger.compiled.gatewaySource", "catalog",
                    "ranger.compiled.policyReader.apiKey", "gdk_example")));
    Secret secret = manifests.named(Secret.class, "govdata-policy-reader");
    assertThat(secret.getStringData()).containsEntry("apiKey", "gdk_example");
    PodSpec pod =
        manifests.named(StatefulSet.class, "govdata-gateway").getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers().get(0).getEnv())
        .anySatisfy(
            env ->
                assertThat(env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef())
                    .isNotNull()
                    .satisfies(
                        ref -> assertThat(ref.getName()).isEqualTo("govdata-policy-reader")));

    assertThatThrownBy(
            () -> HelmChart.templateWith(Map.of("ranger.compiled.gatewaySource", "catalog")))
        .hasMessageContaining("ranger.compiled.policyReader.existingSecret or .apiKey is required");
  }

  private static boolean isPod(NetworkPolicyPeer peer, String component) {
    return peer.getPodSelector() != null
        && component.equals(
            peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"));
  }

  static SparkSubmit submitOf(Container container) {
    List<String> command = new ArrayList<>(container.getCommand());
    command.addAll(container.getArgs());
    return SparkSubmit.parse(command);
  }

  private static SparkSubmit population(ValueSet values) {
    return population(Rendered.with(values));
  }

  private static SparkSubmit population(Manifests manifests) {
    return submitOf(manifests.cronJobPod("govdata-population").getContainers().get(0));
  }

  private static Manifests renderDefaultsWith(String key, String value) {
    return Manifests.parse(HelmChart.templateWith(Map.of(key, value)));
  }

  private static Map<String, String> withoutExecutorSettings(Map<String, String> conf) {
    Map<String, String> rest = new HashMap<>(conf);
    rest.keySet()
        .removeIf(
            key ->
                key.startsWith("spark.executor.")
                    || key.startsWith("spark.kubernetes.")
                    || key.equals("spark.driver.host")
                    || key.equals("spark.driver.bindAddress"));
    return rest;
  }

  /** The claim of the volume mounted at exactly that path in the pod's first container. */
  private static String claimMountedAt(PodSpec pod, String path) {
    String volume =
        pod.getContainers().get(0).getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals(path))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing mounted at " + path))
            .getName();
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(volume) && v.getPersistentVolumeClaim() != null)
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " is not a volume claim"))
        .getPersistentVolumeClaim()
        .getClaimName();
  }

  /** The existingClaim under that pointer, from the value set or else the defaults. */
  private static String existingClaim(ValueSet values, String pointer) throws IOException {
    JsonNode defaults = Manifests.yaml(Files.readString(Repository.chart().resolve("values.yaml")));
    String claim = defaults.at(pointer + "/existingClaim").asText();
    if (values.overrides() != null) {
      JsonNode overrides = Manifests.yaml(Files.readString(values.overrides()));
      claim = overrides.at(pointer + "/existingClaim").asText(claim);
    }
    return claim;
  }

  /** The content of a file the container sees, followed from its mount to the ConfigMap key. */
  static String configMapFileAt(Manifests manifests, PodSpec pod, String path) {
    Container container = pod.getContainers().get(0);
    VolumeMount mount =
        container.getVolumeMounts().stream()
            .filter(m -> path.startsWith(m.getMountPath() + "/") || path.equals(m.getMountPath()))
            // the most specific mount wins, as in the container
            .max(java.util.Comparator.comparingInt(m -> m.getMountPath().length()))
            .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    Volume volume =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
    String relative =
        mount.getSubPath() != null && !mount.getSubPath().isEmpty()
            ? mount.getSubPath()
            : path.substring(mount.getMountPath().length() + 1);
    String key =
        volume.getConfigMap().getItems().isEmpty()
            ? relative
            : volume.getConfigMap().getItems().stream()
                .filter(item -> item.getPath().equals(relative))
                .findFirst()
                .orElseThrow(() -> new AssertionError(relative + " not projected"))
                .getKey();
    return manifests.configMapEntry(volume.getConfigMap().getName(), key);
  }

  private static List<JsonNode> jobsOf(ValueSet values) throws IOException {
    JsonNode defaults = Manifests.yaml(Files.readString(Repository.chart().resolve("values.yaml")));
    JsonNode jobs = defaults.at("/pipelines/jobs");
    if (values.overrides() != null) {
      JsonNode overrides = Manifests.yaml(Files.readString(values.overrides()));
      if (!overrides.at("/pipelines/jobs").isMissingNode()) {
        jobs = overrides.at("/pipelines/jobs");
      }
    }
    List<JsonNode> list = new ArrayList<>();
    jobs.forEach(list::add);
    assertThat(list).isNotEmpty();
    return list;
  }
}
