package cn.govdata.sql.extension;

import cn.govdata.governance.policy.MaskType;
import cn.govdata.governance.policy.Masks;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.Concat;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GreaterThan;
import org.apache.spark.sql.catalyst.expressions.If;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.Length;
import org.apache.spark.sql.catalyst.expressions.LessThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.RegExpExtract;
import org.apache.spark.sql.catalyst.expressions.RegExpReplace;
import org.apache.spark.sql.catalyst.expressions.Sha2;
import org.apache.spark.sql.catalyst.expressions.StringRepeat;
import org.apache.spark.sql.catalyst.expressions.StringTrim;
import org.apache.spark.sql.catalyst.expressions.Substring;
import org.apache.spark.sql.catalyst.expressions.Subtract;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.Option;

/**
 * The governance masks ({@link Masks}) as native Catalyst expressions — substring, concat, repeat,
 * trim, regular expressions — which Spark compiles into its generated code, where a Java UDF would
 * cost a conversion of every value to a Java string and back. Each expression gives exactly what
 * {@link Masks#apply} gives for the same value ({@code MaskExpressionsIT} checks it on generated
 * and edge-case values): Spark's strings, like {@code Masks}, count code points, and where {@code
 * Masks} strips Unicode white space the expressions trim the very characters Java calls white
 * space, not only spaces.
 *
 * <p>The gateway builds them directly into the plan (no lookup by name, so no function a user
 * defines can stand in); they are also registered as SQL functions {@code govdata_mask_*}, the
 * transformers the Ranger service definition names.
 */
final class MaskFunctions {

  private static final DataType STRING = DataTypes.StringType;

  /** Every character {@link String#strip()} removes: Java's white space (all of it in the BMP). */
  private static final Literal JAVA_WHITESPACE =
      string(
          IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
              .filter(Character::isWhitespace)
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString());

  private static final Literal MASK_CHARACTER = string(String.valueOf(Masks.MASK_CHARACTER));

  private MaskFunctions() {}

  /** The SQL name of a mask, e.g. {@code govdata_mask_id_number}. */
  static String sqlName(MaskType type) {
    return "govdata_" + type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code value} seen through {@code type}. Non-string values are masked through their string
   * form, except that {@link MaskType#MASK_NULL} keeps the type.
   */
  static Expression mask(MaskType type, Expression value) {
    return switch (type) {
      case MASK_NONE -> value;
      case MASK_NULL -> Literal.create(null, value.dataType());
      case MASK -> redact(asString(value));
      case MASK_SHOW_LAST_4 -> showLast4(asString(value));
      case MASK_HASH -> new Sha2(cast(asString(value), DataTypes.BinaryType), integer(256));
      case MASK_ID_NUMBER -> keepEnds(asString(value), 6, 4);
      case MASK_MOBILE -> keepEnds(asString(value), 3, 4);
      case MASK_PERSON_NAME -> personName(asString(value));
      case MASK_ADDRESS -> address(asString(value));
    };
  }

  private static Expression asString(Expression value) {
    // a no-op on strings, which the optimizer removes
    return cast(value, STRING);
  }

  private static Expression cast(Expression value, DataType type) {
    return new Column(value).cast(type).expr();
  }

  /**
   * {@link Masks#redact}: non-ASCII letters to '*', digits (Java's, any script) to '0', then ASCII
   * upper and lower case to X and x; the order keeps an X from being taken for a letter to hide.
   */
  private static Expression redact(Expression value) {
    Expression letters = replace(value, "[\\p{javaLetter}&&[^A-Za-z]]", "*");
    Expression digits = replace(letters, "\\p{javaDigit}", "0");
    return replace(replace(digits, "[A-Z]", "X"), "[a-z]", "x");
  }

  /**
   * {@link Masks#showLast4}: as many x as characters beyond the last four, then the last four (or
   * fewer); the value is not stripped.
   */
  private static Expression showLast4(Expression value) {
    return concat(
        new StringRepeat(string("x"), new Subtract(new Length(value), integer(4))),
        new Substring(value, integer(-4), integer(4)));
  }

  /**
   * {@code Masks.keepEnds}: the stripped value with its first {@code head} and last {@code tail}
   * characters kept, or all hidden when it has no more than {@code head + tail}.
   */
  private static Expression keepEnds(Expression value, int head, int tail) {
    Expression stripped = strip(value);
    Expression length = new Length(stripped);
    return new If(
        new LessThanOrEqual(length, integer(head + tail)),
        new StringRepeat(MASK_CHARACTER, length),
        concat(
            new Substring(stripped, integer(1), integer(head)),
            new StringRepeat(MASK_CHARACTER, new Subtract(length, integer(head + tail))),
            new Substring(stripped, integer(-tail), integer(tail))));
  }

  /**
   * {@link Masks#personName}: the stripped name's surname — two characters for a compound surname
   * of a name longer than two — then one '*' per other character; one character or none all hidden.
   */
  private static Expression personName(Expression value) {
    Expression name = strip(value);
    Expression length = new Length(name);
    Expression compound =
        new In(
            new Substring(name, integer(1), integer(2)),
            Scala.seq(
                Masks.COMPOUND_SURNAMES.stream()
                    .sorted()
                    .map(s -> (Expression) string(s))
                    .toList()));
    Expression surname =
        new If(new And(new GreaterThan(length, integer(2)), compound), integer(2), integer(1));
    return new If(
        new LessThanOrEqual(length, integer(1)),
        new StringRepeat(MASK_CHARACTER, length),
        concat(
            new Substring(name, integer(1), surname),
            new StringRepeat(MASK_CHARACTER, new Subtract(length, surname))));
  }

  /** {@link Masks#address}: the province/city/district prefix of the stripped value, then ****. */
  private static Expression address(Expression value) {
    return concat(
        new RegExpExtract(strip(value), string(Masks.ADDRESS_PREFIX_REGEX), integer(1)),
        string(Masks.ADDRESS_REST));
  }

  /** {@link String#strip()}: Spark's plain trim removes only spaces. */
  private static Expression strip(Expression value) {
    return new StringTrim(value, Option.apply(JAVA_WHITESPACE));
  }

  private static Expression replace(Expression value, String regex, String replacement) {
    return new RegExpReplace(value, string(regex), string(replacement));
  }

  private static Expression concat(Expression... parts) {
    return new Concat(Scala.seq(List.of(parts)));
  }

  private static Literal string(String value) {
    return Literal.create(value, STRING);
  }

  private static Literal integer(int value) {
    return Literal.create(value, DataTypes.IntegerType);
  }
}
