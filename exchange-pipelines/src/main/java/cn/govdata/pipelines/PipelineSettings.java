package cn.govdata.pipelines;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where pipelines run and write. By default the Iceberg catalog {@value SparkSessions#CATALOG} is a
 * Hadoop catalog whose warehouse is any Hadoop file-system URI ({@code file:}, {@code hdfs:},
 * {@code s3a:}); any {@code spark.sql.catalog.govdata.*} property given turns it into a REST, Hive,
 * Glue or other Iceberg catalog without code.
 *
 * @param master the Spark master; {@code local[*]} runs inside the calling process
 * @param warehouse the Iceberg warehouse, an absolute URI with a scheme
 * @param shufflePartitions Spark SQL shuffle partitions; a few per core locally
 * @param catalog properties of the catalog, keys without the {@value #CATALOG_PREFIX} prefix (e.g.
 *     {@code type=rest}, {@code uri=http://…}); they win over the defaults
 */
public record PipelineSettings(
    String master, URI warehouse, int shufflePartitions, Map<String, String> catalog) {

  /** The prefix of the catalog's Spark properties. */
  public static final String CATALOG_PREFIX = "spark.sql.catalog." + SparkSessions.CATALOG + ".";

  public PipelineSettings {
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("spark master must not be blank");
    }
    Objects.requireNonNull(warehouse, "warehouse");
    if (warehouse.getScheme() == null) {
      throw new IllegalArgumentException(
          "warehouse must be a URI with a scheme (file:, hdfs:, s3a:…), got " + warehouse);
    }
    if (shufflePartitions < 1) {
      throw new IllegalArgumentException("shuffle partitions must be at least 1");
    }
    catalog = Map.copyOf(catalog);
  }

  public PipelineSettings(String master, Path warehouse, int shufflePartitions) {
    this(master, warehouse.toAbsolutePath().toUri(), shufflePartitions, Map.of());
  }

  public PipelineSettings(String master, Path warehouse) {
    this(master, warehouse, 8);
  }

  public static PipelineSettings local(Path home) {
    return new PipelineSettings("local[*]", home.resolve("warehouse"));
  }

  /**
   * The settings of a command line.
   *
   * @param master {@code --master}, else {@code govdata.spark.master}, else {@code local[*]}
   * @param home {@code --home}: the warehouse is {@code <home>/warehouse} unless {@code warehouse}
   * @param warehouse {@code --warehouse}: a URI, or a local path; null for the default
   * @param catalogConf {@code --catalog-conf key=value} options, key with or without the prefix
   * @param system the system properties: {@code govdata.spark.master}, {@code
   *     govdata.shuffle.partitions} and every {@code spark.sql.catalog.govdata.*}
   */
  public static PipelineSettings resolve(
      String master, Path home, String warehouse, List<String> catalogConf, Properties system) {
    Map<String, String> catalog = new TreeMap<>();
    for (String name : system.stringPropertyNames()) {
      if (name.startsWith(CATALOG_PREFIX)) {
        catalog.put(name.substring(CATALOG_PREFIX.length()), system.getProperty(name));
      }
    }
    for (String option : catalogConf) {
      int equals = option.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException(
            "--catalog-conf takes key=value (e.g. type=rest), got '" + option + "'");
      }
      String key = option.substring(0, equals).strip();
      if (key.startsWith("spark.")) {
        if (!key.startsWith(CATALOG_PREFIX)) {
          throw new IllegalArgumentException(
              "--catalog-conf "
                  + key
                  + " is not a property of the catalog "
                  + CATALOG_PREFIX
                  + "*");
        }
        key = key.substring(CATALOG_PREFIX.length());
      }
      catalog.put(key, option.substring(equals + 1).strip());
    }
    String partitions = system.getProperty("govdata.shuffle.partitions", "8");
    int shufflePartitions;
    try {
      shufflePartitions = Integer.parseInt(partitions);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "govdata.shuffle.partitions must be a number, got '" + partitions + "'");
    }
    return new PipelineSettings(
        master != null
            ? master
            : system.getProperty(
                "govdata.spark.master", system.getProperty("spark.master", "local[*]")),
        warehouse == null ? home.resolve("warehouse").toAbsolutePath().toUri() : uri(warehouse),
        shufflePartitions,
        catalog);
  }

  /** A URI as given, or a local path made absolute: {@code var/w} → {@code file:/…/var/w/}. */
  static URI uri(String warehouse) {
    if (warehouse.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
      try {
        return new URI(warehouse);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("--warehouse is not a URI: " + e.getMessage());
      }
    }
    return Path.of(warehouse).toAbsolutePath().toUri();
  }

  /**
   * The catalog's Spark properties: an Iceberg {@code SparkCatalog}, of type {@code hadoop} at the
   * warehouse unless the configuration names another type or a {@code catalog-impl}; configured
   * keys win.
   */
  public Map<String, String> catalogProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(
        CATALOG_PREFIX.substring(0, CATALOG_PREFIX.length() - 1),
        "org.apache.iceberg.spark.SparkCatalog");
    if (!catalog.containsKey("catalog-impl")) {
      properties.put(CATALOG_PREFIX + "type", "hadoop");
    }
    properties.put(CATALOG_PREFIX + "warehouse", warehouse.toString());
    catalog.forEach((key, value) -> properties.put(CATALOG_PREFIX + key, value));
    return properties;
  }
}
