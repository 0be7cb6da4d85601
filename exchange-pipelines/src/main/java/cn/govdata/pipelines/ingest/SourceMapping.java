package cn.govdata.pipelines.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one department's extract maps to the standard fields, read from a small YAML file: adding a
 * source is writing one of these, not code.
 *
 * @param source the source's short name (a table-name-safe identifier)
 * @param department the department that owns the data, e.g. 公安局
 * @param file the extract's file name, relative to the source directory; null for a JDBC source
 * @param format csv, xlsx or jsonl; {@code jdbc} for a JDBC source
 * @param encoding the text encoding of a csv or jsonl file
 * @param priority survivorship rank, 1 the most trusted
 * @param recordId the column identifying a record in the department's system
 * @param updated the column with the record's last change date (recency), or null
 * @param columns department column → standard field
 * @param fieldPriority per standard field, a rank that overrides {@code priority} (民政 is the
 *     authority for marital status although it ranks low otherwise)
 * @param jdbc the database table or query to read instead of a file, or null
 */
public record SourceMapping(
    String source,
    String department,
    String file,
    String format,
    String encoding,
    int priority,
    String recordId,
    String updated,
    Map<String, String> columns,
    Map<String, Integer> fieldPriority,
    Jdbc jdbc)
    implements Serializable {

  private static final Set<String> FORMATS = Set.of("csv", "xlsx", "jsonl");
  public static final String JDBC = "jdbc";

  /**
   * A table or query in a database reached over JDBC (PostgreSQL, or a Hive warehouse at {@code
   * jdbc:hive2://…} when the Hive JDBC driver is on the classpath).
   *
   * @param url the JDBC URL
   * @param table the table to read, or null when {@code query} is given
   * @param query a SELECT to read, or null when {@code table} is given
   * @param user the database user, or null
   * @param passwordEnvironment the environment variable holding the password, or null; the password
   *     itself never appears in a mapping
   */
  public record Jdbc(
      String url, String table, String query, String user, String passwordEnvironment)
      implements Serializable {

    public Jdbc {
      if (url == null || !url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("jdbc.url must start with jdbc:, got '" + url + "'");
      }
      if ((table == null) == (query == null)) {
        throw new IllegalArgumentException("jdbc needs exactly one of table and query");
      }
    }

    /** The URL without parameters (they may carry credentials) and what is read. */
    public String describe() {
      int parameters = url.indexOf('?');
      return (parameters < 0 ? url : url.substring(0, parameters))
          + (table != null ? " table " + table : " query");
    }
  }

  /** A file source. */
  public SourceMapping(
      String source,
      String department,
      String file,
      String format,
      String encoding,
      int priority,
      String recordId,
      String updated,
      Map<String, String> columns,
      Map<String, Integer> fieldPriority) {
    this(
        source,
        department,
        file,
        format,
        encoding,
        priority,
        recordId,
        updated,
        columns,
        fieldPriority,
        null);
  }

  public SourceMapping {
    if (source == null || !source.matches("[a-z][a-z0-9_]*")) {
      throw invalid(source, "source", "must be a lower-case identifier, got '" + source + "'");
    }
    if (department == null || department.isBlank()) {
      throw invalid(source, "department", "is required");
    }
    if (jdbc != null) {
      if (file != null) {
        throw invalid(source, "file", "and jdbc exclude each other: name one");
      }
      if (format != null && !format.equals(JDBC)) {
        throw invalid(source, "format", "must be jdbc (or left out) for a jdbc source");
      }
      format = JDBC;
    } else {
      if (file == null || file.isBlank()) {
        throw invalid(source, "file", "is required (or jdbc)");
      }
      if (!FORMATS.contains(format)) {
        throw invalid(source, "format", "must be one of " + FORMATS + ", got '" + format + "'");
      }
    }
    encoding = encoding == null ? "UTF-8" : encoding;
    try {
      Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw invalid(source, "encoding", "unknown encoding '" + encoding + "'");
    }
    if (priority < 1) {
      throw invalid(source, "priority", "must be 1 or more, got " + priority);
    }
    if (recordId == null || recordId.isBlank()) {
      throw invalid(source, "record_id", "is required");
    }
    if (columns == null || columns.isEmpty()) {
      throw invalid(source, "columns", "must map at least one column");
    }
    columns = Map.copyOf(new LinkedHashMap<>(columns));
    fieldPriority = fieldPriority == null ? Map.of() : Map.copyOf(fieldPriority);
    for (String field : fieldPriority.keySet()) {
      if (!columns.containsValue(field)) {
        throw invalid(source, "field_priority", "names " + field + ", which no column maps to");
      }
    }
  }

  /** Where the source is read from, for messages and the run record. */
  public String location() {
    return jdbc == null ? file : jdbc.describe();
  }

  /** Per source, the standard fields its mapping provides. */
  public static Map<String, Set<String>> fieldsBySource(List<SourceMapping> mappings) {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    for (SourceMapping mapping : mappings) {
      fields.put(mapping.source(), Set.copyOf(mapping.columns().values()));
    }
    return fields;
  }

  /** The survivorship rank of this source for one field. */
  public int priorityOf(String field) {
    return fieldPriority.getOrDefault(field, priority);
  }

  private static SourceException invalid(String source, String setting, String problem) {
    return new SourceException(
        source == null ? "mapping" : source, "mapping." + setting, setting + " " + problem);
  }

  public Charset charset() {
    return Charset.forName(encoding);
  }

  /** The department columns in a stable order (sorted by standard field). */
  public List<Map.Entry<String, String>> orderedColumns() {
    return columns.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
  }

  /** The mappings shipped on the classpath as {@code <folder>/<source>.yaml}, in this order. */
  public static List<SourceMapping> readResources(String folder, List<String> sources) {
    List<SourceMapping> mappings = new java.util.ArrayList<>();
    for (String source : sources) {
      String resource = folder + "/" + source + ".yaml";
      try (InputStream in = SourceMapping.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new SourceException(source, "mapping.read", "no resource " + resource);
        }
        mappings.add(read(in, resource));
      } catch (IOException e) {
        throw new SourceException(source, "mapping.read", "cannot read " + resource, e);
      }
    }
    return mappings;
  }

  /** Every {@code *.yaml} mapping in a directory, sorted by file name. */
  public static List<SourceMapping> readAll(Path directory) {
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(SourceMapping::read)
          .toList();
    } catch (IOException e) {
      throw new SourceException(
          directory.toString(), "mapping.read", "cannot list mappings: " + e.getMessage(), e);
    }
  }

  public static SourceMapping read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    } catch (IOException e) {
      throw new SourceException(
          file.toString(), "mapping.read", "cannot read: " + e.getMessage(), e);
    }
  }

  public static SourceMapping read(InputStream in, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new SourceException(name, "mapping.yaml", "not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SourceException(name, "mapping.yaml", "expected a YAML mapping");
    }
    Map<String, String> columns = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("columns").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      columns.put(entry.getKey(), entry.getValue().asText());
    }
    Map<String, Integer> fieldPriority = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("field_priority").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      fieldPriority.put(entry.getKey(), entry.getValue().asInt());
    }
    String source = text(root, "source");
    Jdbc jdbc = null;
    JsonNode database = root.get("jdbc");
    if (database != null && !database.isNull()) {
      try {
        jdbc =
            new Jdbc(
                text(database, "url"),
                text(database, "table"),
                text(database, "query"),
                text(database, "user"),
                text(database, "password-env"));
      } catch (IllegalArgumentException e) {
        throw new SourceException(source == null ? name : source, "mapping.jdbc", e.getMessage());
      }
    }
    return new SourceMapping(
        source,
        text(root, "department"),
        text(root, "file"),
        text(root, "format"),
        text(root, "encoding"),
        root.path("priority").asInt(0),
        text(root, "record_id"),
        text(root, "updated"),
        columns,
        fieldPriority,
        jdbc);
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
