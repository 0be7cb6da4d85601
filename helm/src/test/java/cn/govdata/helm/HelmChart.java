package cn.govdata.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart driven through helm-java (Helm's own Go code behind JNI), as {@code helm lint} and
 * {@code helm template} would run it: no helm binary is packaged for this machine.
 */
final class HelmChart {

  static final String RELEASE = "govdata";
  static final String NAMESPACE = "govdata";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private HelmChart() {}

  /** Renders every template for the value set, as {@code helm template} prints them. */
  static String template(ValueSet values) {
    return template(values, RELEASE);
  }

  static String template(ValueSet values, String release) {
    var command =
        new Helm(Repository.chart()).template().withName(release).withNamespace(NAMESPACE);
    if (values.overrides() != null) {
      command = command.withValuesFile(values.overrides());
    }
    return command.call();
  }

  /** Renders every template for the defaults with {@code --set key=value} for each setting. */
  static String templateWith(Map<String, String> settings) {
    var command =
        new Helm(Repository.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
    for (var setting : settings.entrySet()) {
      command = command.set(setting.getKey(), setting.getValue());
    }
    return command.call();
  }

  /**
   * Lints the chart strictly (warnings fail) with the value set. helm-java's lint takes no values
   * file, so the set is merged over the defaults into a copy of the chart, which is what Helm
   * itself does with {@code -f}.
   */
  static LintResult lint(ValueSet values, Path workDirectory) {
    Path chart =
        values.overrides() == null ? Repository.chart() : copyWithValues(values, workDirectory);
    return new Helm(chart).lint().strict().call();
  }

  private static Path copyWithValues(ValueSet values, Path workDirectory) {
    Path copy = workDirectory.resolve(values.name()).resolve("govdata");
    try {
      copyTree(Repository.chart(), copy);
      Map<String, Object> merged =
          deepMerge(
              readYaml(Repository.chart().resolve("values.yaml")), readYaml(values.overrides()));
      YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readYaml(Path file) throws IOException {
    Map<String, Object> map = YAML.readValue(file.toFile(), Map.class);
    return map == null ? new LinkedHashMap<>() : map;
  }

  /** Helm's coalescing of values: maps merge key by key, anything else is replaced. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overrides) {
    Map<String, Object> result = new LinkedHashMap<>(base);
    overrides.forEach(
        (key, value) -> {
          Object current = result.get(key);
          if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
            result.put(
                key, deepMerge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap));
          } else {
            result.put(key, value);
          }
        });
    return result;
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
