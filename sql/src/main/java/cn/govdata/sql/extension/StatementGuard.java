package cn.govdata.sql.extension;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.sql.GatewayRuntime;
import cn.govdata.sql.policy.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.ResolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.ResolvedTable;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.AppendData;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.CreateTable;
import org.apache.spark.sql.catalyst.plans.logical.CreateTableAsSelect;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OverwriteByExpression;
import org.apache.spark.sql.catalyst.plans.logical.OverwritePartitionsDynamic;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.ReplaceTable;
import org.apache.spark.sql.catalyst.plans.logical.ReplaceTableAsSelect;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The check that runs on every analyzed statement, after {@link SecureRelations}:
 *
 * <ul>
 *   <li>only read-only and session-local commands pass, plus writes the policies allow ({@code
 *       write}, granted only in the user's workspace);
 *   <li>DESCRIBE, SHOW COLUMNS and the like need access to the table they name;
 *   <li>a statement that uses a column the user may not read fails, naming the column.
 * </ul>
 */
final class StatementGuard extends AbstractFunction1<LogicalPlan, BoxedUnit> {

  /** Commands that read metadata the user may see, or change only their own session. */
  private static final Set<String> SESSION_COMMANDS =
      Set.of(
          "ExplainCommand",
          "DescribeRelation",
          "DescribeColumn",
          "DescribeNamespace",
          "DescribeFunction",
          "ShowTables",
          "ShowTablesExtended",
          "ShowNamespaces",
          "ShowColumns",
          "ShowCreateTable",
          "ShowTableProperties",
          "ShowFunctions",
          "ShowViews",
          "ShowCatalogs",
          "ShowCurrentNamespaceCommand",
          "SetCommand",
          "ResetCommand",
          "SetCatalogAndNamespace",
          "SetNamespaceCommand",
          "SetCatalogCommand",
          "CacheTable",
          "CacheTableAsSelect",
          "UncacheTable",
          "DropTempViewCommand");

  /** Commands that write a table; allowed where the policies grant {@code write}. */
  private static final Set<String> WRITE_COMMANDS =
      Set.of(
          "CreateTableAsSelect",
          "ReplaceTableAsSelect",
          "CreateTable",
          "ReplaceTable",
          "DropTable",
          "AppendData",
          "OverwriteByExpression",
          "OverwritePartitionsDynamic");

  /** Operators whose result depends on every column of their children, referenced or not. */
  private static final Set<String> CONSUMES_WHOLE_ROWS =
      Set.of("Union", "Intersect", "Except", "Distinct", "Deduplicate");

  private final SparkSession session;

  StatementGuard(SparkSession session) {
    this.session = session;
  }

  @Override
  public BoxedUnit apply(LogicalPlan plan) {
    if (GatewayRuntime.isSystem()) {
      return BoxedUnit.UNIT;
    }
    GatewayRuntime runtime = GatewayRuntime.get(session.sparkContext().getConf());
    Principal who = runtime.currentPrincipal();
    Set<Long> denied = new HashSet<>();
    Set<Long> used = new HashSet<>();
    Scala.list(plan.output()).forEach(a -> used.add(a.exprId().id()));
    visit(
        plan,
        node -> {
          checkCommand(node, who, runtime);
          for (Expression expression : Scala.list(node.expressions())) {
            refuseReflection(expression, who);
          }
          if (node instanceof ResolvedTable table) {
            requireTable(who, runtime, table.catalog(), table.identifier());
          }
          if (SecureRelations.isSecuredProjection(node)) {
            for (NamedExpression column : Scala.list(((Project) node).projectList())) {
              if (column instanceof Alias alias
                  && alias.metadata().contains(SecureRelations.DENIED)
                  && alias.metadata().getBoolean(SecureRelations.DENIED)) {
                denied.add(alias.exprId().id());
              }
            }
            return;
          }
          Scala.list(node.references().toSeq()).forEach(a -> used.add(a.exprId().id()));
          if (node instanceof Command
              || CONSUMES_WHOLE_ROWS.contains(node.getClass().getSimpleName())) {
            // Set operations, DISTINCT and writes use their children's whole rows.
            for (LogicalPlan child : Scala.list(node.children())) {
              Scala.list(child.output()).forEach(a -> used.add(a.exprId().id()));
            }
          }
        });
    if (readsUnsecuredTable(plan)) {
      // SecureRelations runs in every analyzer iteration; this catches a plan it never saw.
      throw new AccessDeniedException(
          "statement reads a table without its policies applied (user [" + who.user() + "])");
    }
    denied.retainAll(used);
    if (!denied.isEmpty()) {
      throw new AccessDeniedException(
          "user ["
              + who.user()
              + "] does not have [select] privilege on "
              + deniedColumns(plan, denied));
    }
    return BoxedUnit.UNIT;
  }

  /** reflect() and java_method() call any static Java method: files, environment, anything. */
  private static void refuseReflection(Expression expression, Principal who) {
    if (expression instanceof CallMethodViaReflection) {
      throw new AccessDeniedException(
          "user [" + who.user() + "] may not call Java methods (reflect, java_method)");
    }
    for (Expression child : Scala.list(expression.children())) {
      refuseReflection(child, who);
    }
  }

  private static void checkCommand(LogicalPlan node, Principal who, GatewayRuntime runtime) {
    if (!(node instanceof Command)) {
      return;
    }
    String kind = node.getClass().getSimpleName();
    if (node instanceof SetCommand set && set.kv().isDefined()) {
      String key = set.kv().get()._1().toLowerCase(java.util.Locale.ROOT);
      // Catalogs and the extension are the gateway's configuration, not the session's.
      if (key.startsWith("spark.sql.catalog")
          || key.startsWith("spark.sql.defaultcatalog")
          || key.startsWith("spark.govdata")
          || key.startsWith("spark.sql.extensions")) {
        throw new AccessDeniedException(
            "user [" + who.user() + "] may not change " + set.kv().get()._1());
      }
    }
    if (node instanceof CreateViewCommand view) {
      if (view.viewType() != LocalTempView$.MODULE$) {
        throw new AccessDeniedException(
            "user [" + who.user() + "] may create only temporary views, not " + view.viewType());
      }
      return;
    }
    if (SESSION_COMMANDS.contains(kind)) {
      return;
    }
    if (WRITE_COMMANDS.contains(kind)) {
      writeTarget(node)
          .forEach(
              target -> {
                if (!target.catalog().name().equals(runtime.catalog())
                    || !runtime
                        .enforcer()
                        .mayAccessColumn(
                            who,
                            String.join(".", target.identifier().namespace()),
                            target.identifier().name(),
                            "*",
                            AccessType.WRITE)) {
                  throw new AccessDeniedException(
                      "user ["
                          + who.user()
                          + "] does not have [write] privilege on ["
                          + String.join(".", target.identifier().namespace())
                          + "/"
                          + target.identifier().name()
                          + "]; tables may be written only in workspace, named <user>_...");
                }
              });
      return;
    }
    throw new AccessDeniedException(
        "statement "
            + kind
            + " is not allowed through the SQL gateway (user ["
            + who.user()
            + "])");
  }

  private record Target(CatalogPlugin catalog, Identifier identifier) {}

  private static List<Target> writeTarget(LogicalPlan node) {
    Object table = null;
    if (node instanceof AppendData append) {
      table = append.table();
    } else if (node instanceof OverwriteByExpression overwrite) {
      table = overwrite.table();
    } else if (node instanceof OverwritePartitionsDynamic overwrite) {
      table = overwrite.table();
    }
    if (table instanceof DataSourceV2Relation relation
        && relation.catalog().isDefined()
        && relation.identifier().isDefined()) {
      return List.of(new Target(relation.catalog().get(), relation.identifier().get()));
    }
    List<LogicalPlan> named = new java.util.ArrayList<>(Scala.list(node.children()));
    if (node instanceof CreateTableAsSelect ctas) {
      named.add(ctas.name());
    } else if (node instanceof ReplaceTableAsSelect rtas) {
      named.add(rtas.name());
    } else if (node instanceof CreateTable create) {
      named.add(create.name());
    } else if (node instanceof ReplaceTable replace) {
      named.add(replace.name());
    }
    List<Target> targets =
        named.stream()
            .filter(c -> c instanceof ResolvedIdentifier)
            .map(
                c ->
                    new Target(
                        ((ResolvedIdentifier) c).catalog(), ((ResolvedIdentifier) c).identifier()))
            .toList();
    if (targets.isEmpty()) {
      throw new AccessDeniedException(
          "the target of " + node.getClass().getSimpleName() + " cannot be checked; refused");
    }
    return targets;
  }

  private static void requireTable(
      Principal who, GatewayRuntime runtime, CatalogPlugin catalog, Identifier identifier) {
    String database = String.join(".", identifier.namespace());
    if (!catalog.name().equals(runtime.catalog())
        || !runtime
            .enforcer()
            .mayAccessTable(who, database, identifier.name(), AccessType.SELECT)) {
      throw new AccessDeniedException(
          "user ["
              + who.user()
              + "] does not have [select] privilege on ["
              + database
              + "/"
              + identifier.name()
              + "]");
    }
  }

  private static String deniedColumns(LogicalPlan plan, Set<Long> denied) {
    Set<String> names = new java.util.TreeSet<>();
    visit(
        plan,
        node -> {
          if (SecureRelations.isSecuredProjection(node)) {
            for (NamedExpression column : Scala.list(((Project) node).projectList())) {
              if (denied.contains(column.exprId().id()) && column instanceof Alias alias) {
                names.add("[" + alias.metadata().getString(SecureRelations.SECURED) + "]");
              }
            }
          }
        });
    return String.join(", ", names);
  }

  /** Whether a table is read anywhere but below a secured projection. */
  static boolean readsUnsecuredTable(LogicalPlan plan) {
    if (SecureRelations.isSecuredProjection(plan)) {
      return false;
    }
    if (plan instanceof DataSourceV2Relation) {
      return true;
    }
    boolean[] found = {false};
    for (Expression expression : Scala.list(plan.expressions())) {
      visitSubqueryPlans(expression, sub -> found[0] |= readsUnsecuredTable(sub));
    }
    for (LogicalPlan child : Scala.list(plan.children())) {
      found[0] |= readsUnsecuredTable(child);
    }
    return found[0];
  }

  private static void visitSubqueryPlans(Expression expression, Consumer<LogicalPlan> visitor) {
    if (expression instanceof SubqueryExpression subquery) {
      visitor.accept(subquery.plan());
    }
    for (Expression child : Scala.list(expression.children())) {
      visitSubqueryPlans(child, visitor);
    }
  }

  /** Visits every node of the plan and of the plans of its subquery expressions. */
  static void visit(LogicalPlan plan, Consumer<LogicalPlan> visitor) {
    visitor.accept(plan);
    for (Expression expression : Scala.list(plan.expressions())) {
      visitSubqueryPlans(expression, sub -> visit(sub, visitor));
    }
    for (LogicalPlan child : Scala.list(plan.children())) {
      visit(child, visitor);
    }
  }
}
