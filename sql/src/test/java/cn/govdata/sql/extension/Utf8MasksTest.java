package cn.govdata.sql.extension;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.policy.MaskType;
import cn.govdata.governance.policy.Masks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Masks} is a faster route to {@link Masks}, never a different rule: over edge cases and
 * generated values of every shape the two give the same text.
 */
class Utf8MasksTest {

  private static final List<String> EDGES =
      List.of(
          "",
          " ",
          "\u3000",
          "440106199001011234",
          "44010619900101123X",
          " 440106199001011234 ",
          "4401061990",
          "44010619900",
          "13812345678",
          "1381234567",
          "1234567",
          "12345678",
          "张三",
          "张",
          "欧阳修",
          "欧阳",
          "司马相如",
          "王小二\u3000",
          "\t李四",
          "阿卜杜拉·买买提",
          "𠀋𠀌𠀍",
          "Zhang San",
          "a b c d e f g h i j k",
          "广东省佛山市南海区桂城街道测试路1号",
          "佛山市禅城区某路",
          "测试");

  @Test
  void edgeCasesMaskAsTheGovernanceMasksDo() {
    for (String value : EDGES) {
      assertSame(value);
    }
  }

  @Test
  void generatedValuesMaskAsTheGovernanceMasksDo() {
    Random random = new Random(20261126);
    String[] pieces = {
      "4", "0", "9", "X", "x", " ", "\u3000", "\t", "张", "欧阳", "司马", "𠀋", "·", "省", "市", "区"
    };
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        value.append(pieces[random.nextInt(pieces.length)]);
      }
      values.add(value.toString());
    }
    for (String value : values) {
      assertSame(value);
    }
  }

  @Test
  void nullStaysNullThroughThePlan() {
    // StaticInvoke propagates null before the call; the methods themselves never see one
    assertThat(Masks.apply(MaskType.MASK_ID_NUMBER, null)).isNull();
  }

  private static void assertSame(String value) {
    check(MaskType.MASK_ID_NUMBER, Utf8Masks::identityNumber, value);
    check(MaskType.MASK_MOBILE, Utf8Masks::mobile, value);
    check(MaskType.MASK_PERSON_NAME, Utf8Masks::personName, value);
    check(MaskType.MASK_ADDRESS, Utf8Masks::address, value);
    check(MaskType.MASK, Utf8Masks::redact, value);
    check(MaskType.MASK_SHOW_LAST_4, Utf8Masks::showLast4, value);
    check(MaskType.MASK_HASH, Utf8Masks::hash, value);
  }

  private static void check(MaskType type, UnaryOperator<UTF8String> mask, String value) {
    assertThat(mask.apply(UTF8String.fromString(value)).toString())
        .as("%s of '%s'", type, value)
        .isEqualTo(Masks.apply(type, value));
  }
}
