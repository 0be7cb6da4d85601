package cn.govdata.sql.extension;

import cn.govdata.governance.policy.MaskType;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import scala.Function1;
import scala.Tuple3;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The gateway's Spark SQL extension, registered with {@code
 * spark.sql.extensions=cn.govdata.sql.extension.GovdataSqlExtensions}: the resolution rule that
 * secures every table read ({@link SecureRelations}), the check that refuses what the policies do
 * not allow ({@link StatementGuard}), and the mask functions.
 */
public final class GovdataSqlExtensions
    extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectResolutionRule(
        new AbstractFunction1<SparkSession, Rule<LogicalPlan>>() {
          @Override
          public Rule<LogicalPlan> apply(SparkSession session) {
            return new SecureRelations(session);
          }
        });
    extensions.injectCheckRule(
        new AbstractFunction1<SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
          @Override
          public Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
            return new StatementGuard(session);
          }
        });
    for (MaskType type : List.of(MaskType.values())) {
      if (type == MaskType.MASK_NONE || type == MaskType.MASK_NULL) {
        continue;
      }
      String name = MaskFunctions.sqlName(type);
      extensions.injectFunction(
          new Tuple3<>(
              new FunctionIdentifier(name),
              new ExpressionInfo(MaskFunctions.class.getName(), name),
              new AbstractFunction1<Seq<Expression>, Expression>() {
                @Override
                public Expression apply(Seq<Expression> arguments) {
                  if (arguments.size() != 1) {
                    throw new IllegalArgumentException(name + " takes one argument");
                  }
                  return MaskFunctions.mask(type, arguments.head());
                }
              }));
    }
    return BoxedUnit.UNIT;
  }
}
