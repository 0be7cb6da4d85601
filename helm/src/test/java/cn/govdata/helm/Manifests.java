package cn.govdata.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The objects one {@code helm template} run rendered, each read strictly into the model. */
record Manifests(List<HasMetadata> objects) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  Manifests {
    objects = List.copyOf(objects);
  }

  static Manifests render(ValueSet values) {
    return parse(HelmChart.template(values));
  }

  static Manifests parse(String renderedYaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode document : documents(renderedYaml)) {
      objects.add(StrictKubernetesModel.read(document));
    }
    return new Manifests(objects);
  }

  static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (iterator.hasNext()) {
        JsonNode document = iterator.next();
        if (document != null && !document.isNull() && !document.isEmpty()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T extends HasMetadata> List<T> ofType(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return ofType(type).stream()
        .filter(object -> object.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException(type.getSimpleName() + " " + name + " not rendered"));
  }

  /** Every pod spec the chart renders, by the workload that owns it. */
  Map<String, PodSpec> podSpecs() {
    var specs = new java.util.LinkedHashMap<String, PodSpec>();
    ofType(Deployment.class)
        .forEach(d -> specs.put("Deployment/" + name(d), d.getSpec().getTemplate().getSpec()));
    ofType(StatefulSet.class)
        .forEach(s -> specs.put("StatefulSet/" + name(s), s.getSpec().getTemplate().getSpec()));
    ofType(CronJob.class)
        .forEach(
            c ->
                specs.put(
                    "CronJob/" + name(c),
                    c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
    return specs;
  }

  PodSpec cronJobPod(String cronJob) {
    return named(CronJob.class, cronJob)
        .getSpec()
        .getJobTemplate()
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  List<Container> containers() {
    return podSpecs().values().stream()
        .flatMap(
            spec ->
                java.util.stream.Stream.concat(
                    spec.getInitContainers().stream(), spec.getContainers().stream()))
        .toList();
  }

  /**
   * The Spark executor pod templates, by the ConfigMap that holds them (one per Spark driver kind:
   * gateway and pipelines), each read strictly as a Pod.
   */
  Map<String, io.fabric8.kubernetes.api.model.Pod> executorPodTemplates() {
    var templates = new java.util.LinkedHashMap<String, io.fabric8.kubernetes.api.model.Pod>();
    configMapFiles("executor-pod-template.yaml")
        .forEach(
            (configMap, template) ->
                templates.put(
                    configMap,
                    StrictKubernetesModel.read(
                        yaml(template), io.fabric8.kubernetes.api.model.Pod.class)));
    return templates;
  }

  /**
   * The driver pod templates of cluster-mode pipeline runs, by ConfigMap and key ({@code
   * govdata-pipelines/population-driver-pod-template.yaml}), each read strictly as a Pod.
   */
  Map<String, io.fabric8.kubernetes.api.model.Pod> driverPodTemplates() {
    var templates = new java.util.LinkedHashMap<String, io.fabric8.kubernetes.api.model.Pod>();
    for (ConfigMap configMap : ofType(ConfigMap.class)) {
      configMap
          .getData()
          .forEach(
              (key, file) -> {
                if (key.endsWith("-driver-pod-template.yaml")) {
                  templates.put(
                      name(configMap) + "/" + key,
                      StrictKubernetesModel.read(
                          yaml(file), io.fabric8.kubernetes.api.model.Pod.class));
                }
              });
    }
    return templates;
  }

  /** The entries named {@code key} of every ConfigMap that has one, by ConfigMap. */
  Map<String, String> configMapFiles(String key) {
    var files = new java.util.LinkedHashMap<String, String>();
    for (ConfigMap configMap : ofType(ConfigMap.class)) {
      String file = configMap.getData().get(key);
      if (file != null) {
        files.put(name(configMap), file);
      }
    }
    return files;
  }

  String configMapEntry(String configMap, String key) {
    String value = named(ConfigMap.class, configMap).getData().get(key);
    if (value == null) {
      throw new NoSuchElementException("ConfigMap " + configMap + " has no " + key);
    }
    return value;
  }

  static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }
}
