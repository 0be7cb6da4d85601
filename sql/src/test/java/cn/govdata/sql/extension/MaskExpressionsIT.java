package cn.govdata.sql.extension;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.policy.MaskType;
import cn.govdata.governance.policy.Masks;
import cn.govdata.sql.demo.DemoRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenFallback;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import scala.runtime.AbstractFunction1;

/**
 * Property test: the gateway's native mask expressions give exactly what the governance {@link
 * Masks} give, for every mask type, on seeded generated values and on the edge cases — empty, one
 * to a dozen characters, full-width characters, surrogate pairs (emoji, CJK extension B), every
 * kind of white space Java strips and some it does not, compound surnames, addresses with and
 * without divisions, null. Each value runs through Spark's generated code and through its
 * interpreted evaluation. Lone surrogates are left out: a Spark string is UTF-8 and cannot hold
 * one, so no table the gateway serves has them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskExpressionsIT {

  private static final int GENERATED = 3000;

  /** Pieces values are built from: single code points, surrogate pairs and whole words. */
  private static final List<String> PIECES =
      List.of(
          "0",
          "7",
          "9",
          "X",
          "x",
          "a",
          "Z",
          "张",
          "王",
          "欧阳",
          "司马",
          "诸葛",
          "欧",
          "阳",
          "广东省",
          "佛山市",
          "南海区",
          "顺德区",
          "县",
          "旗",
          "自治区",
          "自治州",
          "地区",
          "盟",
          "中山路",
          "12号",
          "Ａ",
          "ｚ",
          "０",
          "９",
          "，",
          "\uD83D\uDE00",
          "\uD840\uDC00",
          "\uD83D\uDC69\u200D\uD83D\uDCBB",
          "é",
          "ß",
          "Ω",
          "٣",
          "$",
          "\\",
          "*",
          "-",
          ".",
          "(",
          " ",
          "\t",
          "\n",
          "\r",
          "\u000B",
          "\f",
          "\u001C",
          "\u001F",
          "\u3000",
          "\u2003",
          "\u2028",
          "\u2029",
          "\u1680",
          "\u00A0",
          "\u2007",
          "\u202F",
          "\u200B",
          "\uFEFF",
          "\u0085");

  /** White space around a value: what Java strips and what it keeps (no-break spaces, ZWSP). */
  private static final List<String> PADDING =
      List.of(
          "",
          "",
          "",
          " ",
          "  ",
          "\t",
          "\n ",
          "\u3000",
          "\u2003\u2028",
          "\u001F",
          "\u00A0",
          "\u200B",
          "\u0085");

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          " ",
          "\u3000",
          " \t\n\u000B\f\r\u001C\u001D\u001E\u001F\u2028\u2029\u3000\u1680\u2000\u200A\u205F ",
          "\u00A0",
          "a",
          "张",
          "欧阳",
          "欧阳修",
          "欧阳 ",
          " 欧阳娜娜 ",
          "\u3000欧阳\u3000",
          "司马懿",
          "12",
          "123",
          "1234",
          "12345",
          "1234567",
          "12345678",
          "123456789",
          "1234567890",
          "12345678901",
          "123456789012",
          "13812345678",
          " 13812345678 ",
          "\u300013812345678\u3000",
          "440605199001011234",
          "44060519900101123X",
          "４４０６０５１９９００１０１１２３４",
          "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
              + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00",
          "\uD840\uDC00\uD840\uDC01",
          "广东省佛山市南海区桂澜路12号",
          " 广东省佛山市南海区桂澜路12号 ",
          "佛山市南海区",
          "南海区",
          "广东省",
          "新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路1号",
          "内蒙古自治区锡林郭勒盟正蓝旗上都镇",
          "中山路12号",
          "Hello World 123",
          "aB3$\\*");

  private SparkSession spark;

  @BeforeAll
  void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("mask-expressions")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            // keep the projection out of the driver's constant folding of local data, so that the
            // expressions run in the generated code of a real scan
            .config(
                "spark.sql.optimizer.excludedRules",
                "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation")
            .getOrCreate();
  }

  @AfterAll
  void stopSpark() {
    spark.stop();
  }

  static List<String> values() {
    List<String> values = new ArrayList<>(EDGE_CASES);
    Random random = new Random(20261126L);
    for (int i = 0; i < GENERATED; i++) {
      StringBuilder value = new StringBuilder(PADDING.get(random.nextInt(PADDING.size())));
      int pieces = random.nextInt(13);
      for (int p = 0; p < pieces; p++) {
        value.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      values.add(value.append(PADDING.get(random.nextInt(PADDING.size()))).toString());
    }
    // values shaped like the real columns
    for (Row person : DemoRows.persons(200, 7L)) {
      for (int column = 0; column < 4; column++) {
        values.add(person.getString(column));
      }
    }
    values.add(null);
    return values;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(MaskType.class)
  void generatedCodeMasksEveryValueAsGovernanceDoes(MaskType type) {
    assertThat(mismatches(type, values())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(MaskType.class)
  void interpretedEvaluationMasksEveryValueAsGovernanceDoes(MaskType type) {
    spark.conf().set("spark.sql.codegen.wholeStage", "false");
    spark.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    try {
      assertThat(mismatches(type, values())).isEmpty();
    } finally {
      spark.conf().unset("spark.sql.codegen.wholeStage");
      spark.conf().unset("spark.sql.codegen.factoryMode");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(MaskType.class)
  void everyMaskIsNativeWithNoUserDefinedFunctionNorInterpretedFallback(MaskType type) {
    StructType schema = new StructType().add("value", DataTypes.StringType);
    Dataset<Row> empty = spark.createDataFrame(List.of(), schema);
    Expression mask = MaskFunctions.mask(type, empty.col("value").expr());

    assertThat(mask.find(node(ScalaUDF.class)).isEmpty()).as("a UDF in %s", mask).isTrue();
    assertThat(mask.find(node(CodegenFallback.class)).isEmpty())
        .as("an expression without generated code in %s", mask)
        .isTrue();
  }

  @Test
  void nonStringValuesAreMaskedThroughTheirStringForm() {
    StructType schema = new StructType().add("value", DataTypes.IntegerType);
    List<Row> rows =
        Arrays.asList(
            RowFactory.create(13812345), RowFactory.create(-7), RowFactory.create((Object) null));
    Dataset<Row> numbers = spark.createDataFrame(rows, schema);
    List<Row> masked =
        numbers
            .select(
                new Column(MaskFunctions.mask(MaskType.MASK_MOBILE, numbers.col("value").expr())))
            .collectAsList();

    assertThat(masked.stream().map(r -> r.getString(0)).toList())
        .containsExactly(Masks.mobile("13812345"), Masks.mobile("-7"), null);
  }

  @Test
  void theComparisonFindsADifferenceWhereThereIsOne() {
    // the property bites: the mobile mask's expression is not the identity-number mask
    assertThat(mismatches(MaskType.MASK_ID_NUMBER, MaskType.MASK_MOBILE, values()))
        .anySatisfy(line -> assertThat(line).startsWith("\"440605"));
  }

  private List<String> mismatches(MaskType type, List<String> values) {
    return mismatches(type, type, values);
  }

  /**
   * Each value whose native mask {@code gateway} differs from {@link Masks#apply} with {@code
   * governance}, with both results.
   */
  private List<String> mismatches(MaskType governance, MaskType gateway, List<String> values) {
    List<Row> rows = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      rows.add(RowFactory.create(i, values.get(i)));
    }
    StructType schema =
        new StructType().add("id", DataTypes.IntegerType).add("value", DataTypes.StringType);
    Dataset<Row> input = spark.createDataFrame(rows, schema).repartition(2);
    Dataset<Row> masked =
        input.select(
            input.col("id"),
            new Column(MaskFunctions.mask(gateway, input.col("value").expr())).as("masked"));
    List<String> mismatches = new ArrayList<>();
    List<Row> result = masked.orderBy(functions.col("id")).collectAsList();
    assertThat(result).hasSize(values.size());
    for (Row row : result) {
      String value = values.get(row.getInt(0));
      String expected = Masks.apply(governance, value);
      String actual = row.isNullAt(1) ? null : String.valueOf(row.get(1));
      if (!Objects.equals(expected, actual)) {
        mismatches.add(
            describe(value) + ": Masks " + describe(expected) + ", gateway " + describe(actual));
      }
    }
    return mismatches;
  }

  private static String describe(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c) || c > 0xFFFF) {
                text.append(String.format("\\u{%X}", c));
              } else {
                text.appendCodePoint(c);
              }
            });
    return text.append('"').toString();
  }

  private static AbstractFunction1<Expression, Object> node(Class<?> type) {
    return new AbstractFunction1<>() {
      @Override
      public Object apply(Expression expression) {
        return type.isInstance(expression);
      }
    };
  }
}
