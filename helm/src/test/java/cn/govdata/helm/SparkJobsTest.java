package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pipelines and deliveries run as the same jar and main class whether Spark runs inside the pod
 * (local[N]) or starts executors on Kubernetes; only the master and executor settings differ.
 */
class SparkJobsTest {

  /** The entry point agreed with exchange-pipelines: {@code run <pipeline> --config <path>}. */
  static final String PIPELINE_MAIN = "cn.govdata.pipelines.PipelineMain";

  static final String PIPELINE_JAR = "/opt/govdata/pipelines/exchange-pipelines.jar";

  static final String GATEWAY_HOME = "/var/lib/govdata/sql";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyCronJobSubmitsThePipelineMainWithItsPipelineAndConfig(ValueSet values)
      throws IOException {
    Manifests manifests = Rendered.with(values);
    List<JsonNode> jobs = jobsOf(values);

    assertThat(manifests.ofType(CronJob.class)).hasSameSizeAs(jobs);
    for (JsonNode job : jobs) {
      String name = job.get("name").asText();
      CronJob cronJob = manifests.named(CronJob.class, "govdata-" + name);
      PodSpec pod = manifests.cronJobPod("govdata-" + name);
      SparkSubmit submit = submitOf(pod.getContainers().get(0));

      assertThat(cronJob.getSpec().getSchedule()).isEqualTo(job.get("schedule").asText());
      assertThat(submit.mainClass()).isEqualTo(PIPELINE_MAIN);
      assertThat(submit.jar()).isEqualTo(PIPELINE_JAR);
      String config = "/etc/govdata/pipelines/" + name + ".yaml";
      assertThat(submit.arguments())
          .containsExactly("run", job.get("pipeline").asText(), "--config", config);
      // The config file the job is given is the one the chart renders for it.
      String rendered = configMapFileAt(manifests, pod, config);
      assertThat(Manifests.yaml(rendered).get("pipeline").asText())
          .isEqualTo(job.get("pipeline").asText());
      assertThat(configMapFileAt(manifests, pod, submit.propertiesFile()))
          .contains("spark.sql.catalog.govdata org.apache.iceberg.spark.SparkCatalog");
      assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    }
  }

  @Test
  void localAndKubernetesRunsDifferOnlyInMasterAndExecutors() {
    SparkSubmit local = population(ValueSet.named("small-zone-values.yaml"));
    SparkSubmit cluster = population(ValueSet.named("province-node-values.yaml"));

    assertThat(local.master()).isEqualTo("local[2]");
    assertThat(local.conf()).doesNotContainKey("spark.executor.instances");
    assertThat(cluster.master()).isEqualTo("k8s://https://kubernetes.default.svc:443");
    assertThat(cluster.conf())
        .containsEntry("spark.executor.instances", "24")
        .containsEntry("spark.executor.memory", "24g")
        .containsEntry("spark.kubernetes.driver.pod.name", "$(POD_NAME)")
        .containsEntry("spark.driver.host", "$(POD_IP)");
    assertThat(List.of(local.mainClass(), local.jar(), local.arguments()))
        .isEqualTo(List.of(cluster.mainClass(), cluster.jar(), cluster.arguments()));
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
    // The driver's downward-API variables that the $(...) references above expand from.
    Container driver = manifests.cronJobPod("govdata-population").getContainers().get(0);
    assertThat(driver.getEnv())
        .anySatisfy(env -> assertThat(env.getName()).isEqualTo("POD_NAME"))
        .anySatisfy(env -> assertThat(env.getName()).isEqualTo("POD_IP"));
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

  static SparkSubmit submitOf(Container container) {
    List<String> command = new ArrayList<>(container.getCommand());
    command.addAll(container.getArgs());
    return SparkSubmit.parse(command);
  }

  private static SparkSubmit population(ValueSet values) {
    return submitOf(Rendered.with(values).cronJobPod("govdata-population").getContainers().get(0));
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
