package cn.govdata.pipelines.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A linkage configuration, read from YAML. Nothing in it is specific to Chinese data: fields,
 * blocking rules and comparisons name whatever columns the records have.
 *
 * @param recordId the column identifying a record within its source
 * @param source the column naming the source, or {@code null} when records come from one source
 * @param fields columns derived before linking (standardised from one of several input columns)
 * @param blocking the blocking rules; a pair is a candidate when it agrees on every column of at
 *     least one rule
 * @param deterministic fields whose equality alone links two records (a valid identity number)
 * @param exclusive fields whose values, present on both sides and different, keep two records apart
 *     whatever the score (two different valid identity numbers are two people)
 * @param maxBlockSize blocks larger than this are skipped and counted: they cost quadratically and
 *     carry little evidence (everyone born on 1 January)
 * @param comparisons the comparisons of the probabilistic model
 * @param threshold the match probability from which a pair is linked
 * @param iterations the most EM iterations
 * @param randomPairs how many random pairs estimate the u probabilities
 */
public record LinkConfig(
    String recordId,
    String source,
    List<Field> fields,
    List<List<String>> blocking,
    List<String> deterministic,
    List<String> exclusive,
    int maxBlockSize,
    List<Comparison> comparisons,
    double threshold,
    int iterations,
    int randomPairs)
    implements Serializable {

  /**
   * A column prepared before linking.
   *
   * @param name the column the engine uses
   * @param from input columns to take it from, the first one present wins
   * @param standardise the standardiser applied (see {@link Standardisers})
   * @param optional when none of the columns is present the field is empty instead of an error (a
   *     registration number only the enterprise register has)
   */
  public record Field(String name, List<String> from, String standardise, boolean optional)
      implements Serializable {

    public Field(String name, List<String> from, String standardise) {
      this(name, from, standardise, false);
    }

    public Field {
      if (name == null || name.isBlank()) {
        throw new LinkConfigException("fields.name", "a field needs a name");
      }
      from = from == null || from.isEmpty() ? List.of(name) : List.copyOf(from);
      standardise = standardise == null ? "text" : standardise;
      if (!Standardisers.NAMES.contains(standardise)) {
        throw new LinkConfigException(
            "fields." + name + ".standardise",
            "unknown standardiser '" + standardise + "'; use one of " + Standardisers.NAMES);
      }
    }
  }

  public LinkConfig {
    if (recordId == null || recordId.isBlank()) {
      throw new LinkConfigException("record_id", "the record id column is required");
    }
    fields = fields == null ? List.of() : List.copyOf(fields);
    deterministic = deterministic == null ? List.of() : List.copyOf(deterministic);
    exclusive = exclusive == null ? List.of() : List.copyOf(exclusive);
    if (blocking == null || blocking.isEmpty()) {
      throw new LinkConfigException("blocking", "at least one blocking rule is required");
    }
    List<List<String>> rules = new ArrayList<>();
    for (List<String> rule : blocking) {
      if (rule == null || rule.isEmpty()) {
        throw new LinkConfigException("blocking", "a blocking rule lists one or more columns");
      }
      rules.add(List.copyOf(rule));
    }
    // a deterministic field must produce its pairs, whatever the blocking rules say
    for (String field : deterministic) {
      if (!rules.contains(List.of(field))) {
        rules.add(List.of(field));
      }
    }
    blocking = List.copyOf(rules);
    if (comparisons == null || comparisons.isEmpty()) {
      throw new LinkConfigException("comparisons", "at least one comparison is required");
    }
    comparisons = List.copyOf(comparisons);
    if (maxBlockSize < 2) {
      throw new LinkConfigException("max_block_size", "must be at least 2, got " + maxBlockSize);
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new LinkConfigException(
          "threshold", "must be a probability in (0, 1), got " + threshold);
    }
    if (iterations < 1) {
      throw new LinkConfigException("em.iterations", "must be at least 1");
    }
    if (randomPairs < 1000) {
      throw new LinkConfigException("em.random_pairs", "must be at least 1000");
    }
  }

  /** Every column the engine reads after preparation. */
  public Set<String> usedColumns() {
    Set<String> columns = new LinkedHashSet<>();
    blocking.forEach(columns::addAll);
    columns.addAll(deterministic);
    columns.addAll(exclusive);
    comparisons.forEach(c -> columns.add(c.field()));
    return columns;
  }

  public static LinkConfig read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new LinkConfigException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /** A configuration shipped on the classpath, e.g. {@code /cn/govdata/pipelines/link/x.yaml}. */
  public static LinkConfig readResource(String resource) {
    try (InputStream in = LinkConfig.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LinkConfigException(resource, "no such resource");
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new LinkConfigException(resource, "cannot read: " + e.getMessage());
    }
  }

  public static LinkConfig read(InputStream in, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new LinkConfigException(name, "not valid YAML: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new LinkConfigException(name, "expected a YAML mapping");
    }
    List<Field> fields = new ArrayList<>();
    for (JsonNode field : root.path("fields")) {
      fields.add(
          new Field(
              text(field, "name"),
              strings(field.path("from")),
              text(field, "standardise"),
              field.path("optional").asBoolean(false)));
    }
    List<List<String>> blocking = new ArrayList<>();
    for (JsonNode rule : root.path("blocking")) {
      blocking.add(rule.isArray() ? strings(rule) : List.of(rule.asText()));
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (JsonNode comparison : root.path("comparisons")) {
      String field = text(comparison, "field");
      List<Double> thresholds = new ArrayList<>();
      for (JsonNode threshold : comparison.path("thresholds")) {
        if (!threshold.isNumber()) {
          throw new LinkConfigException(
              "comparisons." + field + ".thresholds", "thresholds must be numbers");
        }
        thresholds.add(threshold.asDouble());
      }
      String method = text(comparison, "method");
      comparisons.add(
          new Comparison(
              field, method == null ? null : Comparison.Method.parse(method, field), thresholds));
    }
    JsonNode em = root.path("em");
    return new LinkConfig(
        text(root, "record_id"),
        text(root, "source"),
        fields,
        blocking,
        strings(root.path("deterministic")),
        strings(root.path("exclusive")),
        root.path("max_block_size").asInt(100),
        comparisons,
        root.path("threshold").asDouble(0.9),
        em.path("iterations").asInt(40),
        em.path("random_pairs").asInt(200_000));
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }
}
