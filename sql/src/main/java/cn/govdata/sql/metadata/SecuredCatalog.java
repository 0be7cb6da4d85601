package cn.govdata.sql.metadata;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.sql.GatewayRuntime;
import cn.govdata.sql.policy.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.types.StructField;

/**
 * The gateway's catalog as one user may see it through the metadata operations: its namespaces, the
 * tables Ranger lets the user select, and of those the columns it lets the user select. Names are
 * matched with JDBC patterns ({@code %}, {@code _}, {@code \} to escape).
 */
public final class SecuredCatalog {

  /** A table the user may select. */
  public record Table(String database, String name) {}

  /** A column the user may select, with its 1-based position in the table. */
  public record Column(Table table, StructField field, int position) {}

  private final SparkSession spark;
  private final GatewayRuntime runtime;
  private final Principal who;

  public SecuredCatalog(SparkSession spark, GatewayRuntime runtime, Principal who) {
    this.spark = spark;
    this.runtime = runtime;
    this.who = who;
  }

  /** The catalog's namespaces whose names match {@code schemaPattern}. */
  public List<String> databases(String schemaPattern) {
    Pattern pattern = jdbcPattern(schemaPattern);
    List<String> databases = new ArrayList<>();
    try {
      for (String[] namespace : namespaces().listNamespaces()) {
        String database = String.join(".", namespace);
        if (pattern.matcher(database).matches()) {
          databases.add(database);
        }
      }
    } catch (NoSuchNamespaceException e) {
      throw new IllegalStateException("the catalog lost its root namespace", e);
    }
    return databases;
  }

  /** The tables matching the patterns that the user may select. */
  public List<Table> tables(String schemaPattern, String tablePattern) {
    Pattern pattern = jdbcPattern(tablePattern);
    List<Table> tables = new ArrayList<>();
    for (String database : databases(schemaPattern)) {
      try {
        for (Identifier identifier : tableCatalog().listTables(database.split("\\."))) {
          if (pattern.matcher(identifier.name()).matches()
              && runtime
                  .enforcer()
                  .mayAccessTable(who, database, identifier.name(), AccessType.SELECT)) {
            tables.add(new Table(database, identifier.name()));
          }
        }
      } catch (NoSuchNamespaceException e) {
        // dropped since it was listed: nothing to show
      }
    }
    return tables;
  }

  /** The columns matching the patterns, of tables the user may select, that it may select. */
  public List<Column> columns(String schemaPattern, String tablePattern, String columnPattern) {
    Pattern pattern = jdbcPattern(columnPattern);
    List<Column> columns = new ArrayList<>();
    for (Table table : tables(schemaPattern, tablePattern)) {
      StructField[] fields;
      try {
        fields =
            tableCatalog()
                .loadTable(Identifier.of(table.database().split("\\."), table.name()))
                .schema()
                .fields();
      } catch (NoSuchTableException e) {
        continue;
      }
      for (int i = 0; i < fields.length; i++) {
        String name = fields[i].name();
        if (pattern.matcher(name).matches()
            && runtime
                .enforcer()
                .mayAccessColumn(who, table.database(), table.name(), name, AccessType.SELECT)) {
          columns.add(new Column(table, fields[i], i + 1));
        }
      }
    }
    return columns;
  }

  /** A JDBC search pattern as a regular expression; null or empty matches everything. */
  static Pattern jdbcPattern(String jdbc) {
    if (jdbc == null || jdbc.isEmpty()) {
      return Pattern.compile(".*", Pattern.DOTALL);
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < jdbc.length(); i++) {
      char c = jdbc.charAt(i);
      if (c == '\\' && i + 1 < jdbc.length()) {
        regex.append(Pattern.quote(String.valueOf(jdbc.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  }

  private CatalogPlugin plugin() {
    return spark.sessionState().catalogManager().catalog(runtime.catalog());
  }

  private TableCatalog tableCatalog() {
    return (TableCatalog) plugin();
  }

  private SupportsNamespaces namespaces() {
    return (SupportsNamespaces) plugin();
  }
}
