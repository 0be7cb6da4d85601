package cn.govdata.sql.extension;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.sql.GatewayRuntime;
import cn.govdata.sql.policy.PolicyEnforcer;
import cn.govdata.sql.policy.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import scala.Option;
import scala.runtime.AbstractFunction1;

/**
 * The resolution rule that puts the policies into every statement: each table a statement reads,
 * wherever it sits (joins, subqueries, CTEs, views, the query of a CTAS or INSERT), is replaced by
 * a secured projection of itself:
 *
 * <pre>
 *   Project [mask(c1') AS c1#1, c2' AS c2#2, null AS c3#3]   -- the table's own output ids
 *     Filter rowFilter(c1', c2')                                -- clear values, never visible
 *       Relation [c1', c2', c3']                                -- fresh ids
 * </pre>
 *
 * The projection keeps the relation's output attribute ids, so everything the analyzer already
 * resolved above it now reads the masked values: a user's filter, join key or function over a
 * masked column sees only the masked value and cannot probe the clear one. Columns the user may not
 * read become typed nulls marked {@link #DENIED}; {@link StatementGuard} fails the statement if it
 * uses one. Tables of other catalogs and file sources are refused outright.
 */
final class SecureRelations extends Rule<LogicalPlan> {

  /** Metadata key on every column of a secured projection: the Ranger resource it reads. */
  static final String SECURED = "govdata.secured";

  /** Metadata key on a column the principal may not read. */
  static final String DENIED = "govdata.denied";

  private final SparkSession session;

  SecureRelations(SparkSession session) {
    this.session = session;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (GatewayRuntime.isSystem()) {
      return plan;
    }
    GatewayRuntime runtime = GatewayRuntime.get(session.sparkContext().getConf());
    return secure(plan, new Context(runtime, runtime.currentPrincipal()));
  }

  private record Context(GatewayRuntime runtime, Principal who) {}

  private LogicalPlan secure(LogicalPlan plan, Context context) {
    if (isSecuredProjection(plan) || SecureListings.isSecured(plan)) {
      return plan;
    }
    LogicalPlan listing = SecureListings.secure(plan, context.who(), context.runtime());
    if (listing != plan) {
      return listing;
    }
    if (plan instanceof DataSourceV2Relation relation) {
      return secureRelation(relation, context);
    }
    if (plan instanceof LogicalRelation || plan instanceof HiveTableRelation) {
      throw new AccessDeniedException(
          "user ["
              + context.who().user()
              + "] may read only tables of catalog '"
              + context.runtime().catalog()
              + "' through the SQL gateway, not files or other catalogs: "
              + plan.simpleString(100));
    }
    List<LogicalPlan> children = Scala.list(plan.children());
    List<LogicalPlan> secured = new ArrayList<>(children.size());
    boolean changed = false;
    for (LogicalPlan child : children) {
      LogicalPlan next = secure(child, context);
      changed |= next != child;
      secured.add(next);
    }
    LogicalPlan result = changed ? plan.withNewChildren(Scala.seq(secured)) : plan;
    return (LogicalPlan)
        result.mapExpressions(
            new AbstractFunction1<Expression, Expression>() {
              @Override
              public Expression apply(Expression expression) {
                return secureSubqueries(expression, context);
              }
            });
  }

  private Expression secureSubqueries(Expression expression, Context context) {
    if (expression instanceof SubqueryExpression subquery) {
      LogicalPlan plan = secure(subquery.plan(), context);
      return plan == subquery.plan() ? subquery : subquery.withNewPlan(plan);
    }
    return expression.mapChildren(
        new AbstractFunction1<Expression, Expression>() {
          @Override
          public Expression apply(Expression child) {
            return secureSubqueries(child, context);
          }
        });
  }

  /**
   * A projection this rule made: its columns carry {@link #SECURED} and it reads a relation
   * directly or through the row filter. A user's projection cannot look like this: no relation
   * yields columns with that metadata.
   */
  static boolean isSecuredProjection(LogicalPlan plan) {
    if (!(plan instanceof Project project)) {
      return false;
    }
    LogicalPlan child = project.child();
    if (child instanceof Filter filter) {
      child = filter.child();
    }
    return child instanceof DataSourceV2Relation
        && Scala.list(project.projectList()).stream()
            .anyMatch(e -> e instanceof Alias a && a.metadata().contains(SECURED));
  }

  /** The parsed row filter; a filter that does not parse lets no row through. */
  private Expression rowFilter(String sql) {
    try {
      return session.sessionState().sqlParser().parseExpression(sql);
    } catch (ParseException | RuntimeException e) {
      return Literal.create(false, DataTypes.BooleanType);
    }
  }

  private LogicalPlan secureRelation(DataSourceV2Relation relation, Context context) {
    Principal who = context.who();
    PolicyEnforcer enforcer = context.runtime().enforcer();
    if (relation.catalog().isEmpty()
        || relation.identifier().isEmpty()
        || !relation.catalog().get().name().equals(context.runtime().catalog())) {
      throw new AccessDeniedException(
          "user ["
              + who.user()
              + "] may read only tables of catalog '"
              + context.runtime().catalog()
              + "': "
              + relation.name());
    }
    Identifier identifier = relation.identifier().get();
    String database = String.join(".", identifier.namespace());
    String table = identifier.name();
    if (!enforcer.mayAccessTable(who, database, table, AccessType.SELECT)) {
      throw new AccessDeniedException(
          "user ["
              + who.user()
              + "] does not have [select] privilege on ["
              + database
              + "/"
              + table
              + "]");
    }
    DataSourceV2Relation fresh = relation.newInstance();
    List<AttributeReference> original = Scala.list(relation.output());
    List<AttributeReference> renewed = Scala.list(fresh.output());
    LogicalPlan source = fresh;
    Optional<String> rowFilter = enforcer.rowFilter(who, database, table, AccessType.SELECT);
    if (rowFilter.isPresent()) {
      source = new Filter(rowFilter(rowFilter.get()), fresh);
    }
    List<NamedExpression> columns = new ArrayList<>(original.size());
    for (int i = 0; i < original.size(); i++) {
      AttributeReference column = original.get(i);
      String resource = database + "/" + table + "/" + column.name();
      boolean allowed =
          enforcer.mayAccessColumn(who, database, table, column.name(), AccessType.SELECT);
      Expression value =
          allowed
              ? MaskFunctions.mask(
                  enforcer.mask(who, database, table, column.name(), AccessType.SELECT),
                  renewed.get(i))
              : Literal.create(null, column.dataType());
      Metadata metadata =
          new MetadataBuilder()
              .withMetadata(column.metadata())
              .putString(SECURED, resource)
              .putBoolean(DENIED, !allowed)
              .build();
      columns.add(
          new Alias(
              value,
              column.name(),
              column.exprId(),
              column.qualifier(),
              Option.apply(metadata),
              Scala.seq(List.of())));
    }
    return new Project(Scala.seq(columns), source);
  }
}
