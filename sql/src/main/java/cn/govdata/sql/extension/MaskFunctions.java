package cn.govdata.sql.extension;

import cn.govdata.governance.policy.MaskType;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.objects.StaticInvoke;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The governance masks as Spark expressions. The gateway builds them directly into the plan (no
 * lookup by name, so no function a user defines can stand in); they are also registered as SQL
 * functions {@code govdata_mask_*}, the transformers the Ranger service definition names.
 */
final class MaskFunctions {

  private MaskFunctions() {}

  /** The SQL name of a mask, e.g. {@code govdata_mask_id_number}. */
  static String sqlName(MaskType type) {
    return "govdata_" + type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code value} seen through {@code type}. Non-string values are masked through their string
   * form, except that {@link MaskType#MASK_NULL} keeps the type. The mask is a static call into
   * {@link Utf8Masks} that Spark compiles into the generated code of the plan.
   */
  static Expression mask(MaskType type, Expression value) {
    return switch (type) {
      case MASK_NONE -> value;
      case MASK_NULL -> Literal.create(null, value.dataType());
      default ->
          new StaticInvoke(
              Utf8Masks.class,
              DataTypes.StringType,
              Utf8Masks.methodFor(type),
              Scala.seq(List.of(new Column(value).cast(DataTypes.StringType).expr())),
              Scala.seq(List.<AbstractDataType>of(DataTypes.StringType)),
              true,
              true,
              true);
    };
  }
}
