package cn.govdata.lineage.graph;

import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A dataset node of the lineage graph: a directory resource, a table or a column, named uniquely
 * across nodes by its qualified name ({@code <name>@<node>}, as Atlas names Hive objects {@code
 * db.table@cluster}).
 *
 * @param qualifiedName unique name, e.g. {@code population.person@gd-province}
 * @param kind resource, table or column
 * @param name display name
 * @param parent qualified name of the containing table for a column; {@code null} otherwise
 * @param properties descriptive attributes shown with the node (provider, grade, data type ...)
 * @param sensitivity the sensitivity tags of the data (none means not sensitive)
 */
public record Dataset(
    String qualifiedName,
    DatasetKind kind,
    String name,
    String parent,
    Map<String, String> properties,
    Set<SensitivityTag> sensitivity) {

  private static final Pattern QUALIFIED_NAME = Pattern.compile("[^@\\s]+@[a-z0-9][a-z0-9-]*");

  public Dataset {
    qualifiedName = checkQualifiedName(qualifiedName, "qualifiedName");
    Checks.required(kind, "kind");
    name = Checks.requiredText(name, "name", 200);
    if ((kind == DatasetKind.COLUMN) != (parent != null)) {
      throw new InvalidFieldException(
          "parent", "column.parent", "a column, and only a column, names its parent table");
    }
    properties = Map.copyOf(new TreeMap<>(Checks.required(properties, "properties")));
    EnumSet<SensitivityTag> tags = EnumSet.noneOf(SensitivityTag.class);
    tags.addAll(Checks.copyOf(sensitivity, "sensitivity"));
    tags.remove(SensitivityTag.NONE);
    sensitivity = Set.copyOf(tags);
  }

  /** A directory entry on {@code node}: its sensitivity is the union of its items' tags. */
  public static Dataset directoryResource(InformationResource resource, String node) {
    if (resource.code() == null) {
      throw new InvalidFieldException(
          "code", "required", "a resource enters the lineage graph once it has a code");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("resourceCode", resource.code().toString());
    properties.put("provider", resource.provider().name());
    properties.put("shareType", resource.share().type().name());
    properties.put("openType", resource.open().type().name());
    properties.put("gradeCategory", resource.grade().category().name());
    properties.put("gradeLevel", resource.grade().level().name());
    properties.put("node", node);
    return new Dataset(
        resource.code() + "@" + node,
        DatasetKind.DIRECTORY_RESOURCE,
        resource.name(),
        null,
        properties,
        resource.items().stream().map(InformationItem::sensitivity).collect(Collectors.toSet()));
  }

  /** A table {@code database.table} on {@code node}. */
  public static Dataset table(String database, String table, String node) {
    return new Dataset(
        database + "." + table + "@" + node,
        DatasetKind.TABLE,
        table,
        null,
        Map.of("database", database, "node", node),
        Set.of());
  }

  /** A column of {@code table}. */
  public static Dataset column(
      Dataset table, String column, String dataType, SensitivityTag sensitivity) {
    if (table.kind() != DatasetKind.TABLE) {
      throw new InvalidFieldException("table", "column.parent", "a column belongs to a table");
    }
    int at = table.qualifiedName().lastIndexOf('@');
    return new Dataset(
        table.qualifiedName().substring(0, at) + "." + column + table.qualifiedName().substring(at),
        DatasetKind.COLUMN,
        column,
        table.qualifiedName(),
        Map.of("dataType", dataType),
        sensitivity == null ? Set.of() : Set.of(sensitivity));
  }

  /** The node (platform instance) that holds the dataset. */
  public String node() {
    return qualifiedName.substring(qualifiedName.lastIndexOf('@') + 1);
  }

  static String checkQualifiedName(String value, String field) {
    Checks.requiredText(value, field, 512);
    if (!QUALIFIED_NAME.matcher(value).matches()) {
      throw new InvalidFieldException(
          field,
          "qualified-name.format",
          field + " must look like name@node with a lower-case node id, got '" + value + "'");
    }
    return value;
  }
}
