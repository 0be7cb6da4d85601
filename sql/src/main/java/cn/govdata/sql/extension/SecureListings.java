package cn.govdata.sql.extension;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.sql.GatewayRuntime;
import cn.govdata.sql.policy.Principal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.ResolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.ResolvedTable;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.trees.TreeNodeTag;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Metadata statements list only what the user may select: {@code SHOW TABLES} leaves out the tables
 * Ranger denies, {@code DESCRIBE} the denied columns; {@code SHOW CREATE TABLE} of a table with a
 * denied column (its text would name the column) and {@code DESCRIBE t column} of a denied column
 * fail. (Spark 3.5 has no {@code SHOW COLUMNS} for the gateway's v2 tables.) Each listing becomes a
 * filter over the command's rows, decided when the statement is analysed; its rows are names, never
 * data values.
 */
final class SecureListings {

  /** Marks a filter this class put over a listing, so that it is not wrapped twice. */
  private static final TreeNodeTag<Object> SECURED = new TreeNodeTag<>("govdata.securedListing");

  private SecureListings() {}

  /** Whether {@code plan} is a listing already filtered by {@link #secure}. */
  static boolean isSecured(LogicalPlan plan) {
    return plan instanceof Filter && plan.getTagValue(SECURED).isDefined();
  }

  /** {@code plan} restricted to what {@code who} may select, or {@code plan} itself. */
  static LogicalPlan secure(LogicalPlan plan, Principal who, GatewayRuntime runtime) {
    if (plan instanceof ShowTables show && show.namespace() instanceof ResolvedNamespace space) {
      return filtered(show, tablesFilter(show, space, who, runtime));
    }
    if (plan instanceof DescribeRelation describe
        && describe.relation() instanceof ResolvedTable table) {
      return filtered(describe, withoutDenied(describe, table, who, runtime));
    }
    if (plan instanceof ShowCreateTable show && show.child() instanceof ResolvedTable table) {
      // the statement's text names every column; with a denied one it is refused as a whole
      List<String> denied = deniedColumns(table, who, runtime);
      if (!denied.isEmpty()) {
        throw denied(who, table, denied.get(0));
      }
    }
    if (plan instanceof DescribeColumn describe
        && describe.relation() instanceof ResolvedTable table
        && describe.column() instanceof NamedExpression column
        && deniedColumns(table, who, runtime).contains(column.name())) {
      throw denied(who, table, column.name());
    }
    return plan;
  }

  private static LogicalPlan filtered(LogicalPlan listing, Expression condition) {
    Filter filter = new Filter(condition, listing);
    filter.setTagValue(SECURED, Boolean.TRUE);
    return filter;
  }

  /** Temporary views (the session's own) and the tables of the namespace Ranger allows. */
  private static Expression tablesFilter(
      ShowTables show, ResolvedNamespace space, Principal who, GatewayRuntime runtime) {
    List<Expression> allowed = new ArrayList<>();
    CatalogPlugin catalog = space.catalog();
    String database = String.join(".", Scala.list(space.namespace()));
    if (catalog.name().equals(runtime.catalog()) && catalog instanceof TableCatalog tables) {
      try {
        for (Identifier table :
            tables.listTables(Scala.list(space.namespace()).toArray(String[]::new))) {
          if (runtime.enforcer().mayAccessTable(who, database, table.name(), AccessType.SELECT)) {
            allowed.add(Literal.create(table.name(), DataTypes.StringType));
          }
        }
      } catch (NoSuchNamespaceException e) {
        // nothing to allow; the command itself reports the missing namespace
      }
    }
    Expression listed =
        allowed.isEmpty()
            ? Literal.create(false, DataTypes.BooleanType)
            : new In(column(show.output(), "tableName"), Scala.seq(allowed));
    return new Or(column(show.output(), "isTemporary"), listed);
  }

  private static Expression withoutDenied(
      LogicalPlan listing, ResolvedTable table, Principal who, GatewayRuntime runtime) {
    List<Expression> denied =
        deniedColumns(table, who, runtime).stream()
            .map(name -> (Expression) Literal.create(name, DataTypes.StringType))
            .toList();
    if (denied.isEmpty()) {
      return Literal.create(true, DataTypes.BooleanType);
    }
    return new Not(new In(column(listing.output(), "col_name"), Scala.seq(denied)));
  }

  /** The columns of the table {@code who} may not select (table access is checked elsewhere). */
  private static List<String> deniedColumns(
      ResolvedTable table, Principal who, GatewayRuntime runtime) {
    Identifier identifier = table.identifier();
    String database = String.join(".", identifier.namespace());
    List<String> denied = new ArrayList<>();
    for (StructField field : table.table().schema().fields()) {
      if (!runtime
          .enforcer()
          .mayAccessColumn(who, database, identifier.name(), field.name(), AccessType.SELECT)) {
        denied.add(field.name());
      }
    }
    return denied;
  }

  private static AccessDeniedException denied(Principal who, ResolvedTable table, String column) {
    return new AccessDeniedException(
        "user ["
            + who.user()
            + "] does not have [select] privilege on ["
            + String.join(".", table.identifier().namespace())
            + "/"
            + table.identifier().name()
            + "/"
            + column
            + "]");
  }

  private static Attribute column(scala.collection.Seq<Attribute> output, String name) {
    return Scala.list(output).stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AccessDeniedException("listing without a " + name + " column; refused"));
  }
}
