package cn.govdata.lineage.store;

import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.lineage.graph.Dataset;
import cn.govdata.lineage.graph.DatasetKind;
import cn.govdata.lineage.graph.LineageProcess;
import cn.govdata.lineage.graph.ProcessKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The stored form of lineage records: one JSON object each, in canonical JSON. */
final class LineageJson {

  private LineageJson() {}

  static String write(Dataset dataset) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("qualifiedName", dataset.qualifiedName());
    json.put("kind", dataset.kind().name());
    json.put("name", dataset.name());
    json.put("parent", dataset.parent());
    json.put("properties", new TreeMap<>(dataset.properties()));
    json.put("sensitivity", dataset.sensitivity().stream().map(Enum::name).sorted().toList());
    return CanonicalJson.write(json);
  }

  static Dataset readDataset(String text) {
    Map<String, Object> json = CanonicalJson.readObject(text);
    return new Dataset(
        (String) json.get("qualifiedName"),
        DatasetKind.valueOf((String) json.get("kind")),
        (String) json.get("name"),
        (String) json.get("parent"),
        strings(json.get("properties")),
        list(json.get("sensitivity")).stream()
            .map(SensitivityTag::valueOf)
            .collect(Collectors.toSet()));
  }

  static String write(LineageProcess process) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("qualifiedName", process.qualifiedName());
    json.put("kind", process.kind().name());
    json.put("name", process.name());
    json.put("inputs", process.inputs());
    json.put("outputs", process.outputs());
    json.put("startedAt", process.startedAt().toString());
    json.put("endedAt", process.endedAt() == null ? null : process.endedAt().toString());
    json.put("properties", new TreeMap<>(process.properties()));
    return CanonicalJson.write(json);
  }

  static LineageProcess readProcess(String text) {
    Map<String, Object> json = CanonicalJson.readObject(text);
    String endedAt = (String) json.get("endedAt");
    return new LineageProcess(
        (String) json.get("qualifiedName"),
        ProcessKind.valueOf((String) json.get("kind")),
        (String) json.get("name"),
        list(json.get("inputs")),
        list(json.get("outputs")),
        Instant.parse((String) json.get("startedAt")),
        endedAt == null ? null : Instant.parse(endedAt),
        strings(json.get("properties")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> strings(Object value) {
    return (Map<String, String>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    return (List<String>) value;
  }
}
