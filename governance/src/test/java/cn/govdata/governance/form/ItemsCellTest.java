package cn.govdata.governance.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemsCellTest {

  @Test
  void readsChinesePunctuationAndDefaults() {
    List<InformationItem> items =
        ItemsCell.parse("公民身份号码：字符型：18：身份证号码；出生日期:日期型;备注:TEXT::FREE_TEXT", "items");
    assertThat(items)
        .containsExactly(
            new InformationItem(
                "公民身份号码", DataType.STRING, 18, null, SensitivityTag.IDENTITY_NUMBER),
            new InformationItem("出生日期", DataType.DATE, null, null, SensitivityTag.NONE),
            new InformationItem("备注", DataType.TEXT, null, null, SensitivityTag.FREE_TEXT));
  }

  @Test
  void separatorsInsideNamesAndDescriptionsSurviveARoundTrip() {
    List<InformationItem> items =
        List.of(
            new InformationItem("比例:尺", DataType.STRING, 10, "含；分号、:冒号\n和换行\\", null),
            new InformationItem("面积", DataType.NUMBER, null, "单位: 平方米", SensitivityTag.NONE));
    assertThat(ItemsCell.parse(ItemsCell.format(items), "items")).isEqualTo(items);
  }

  @Test
  void everyBrokenItemIsReportedWithItsPosition() {
    assertThatThrownBy(() -> ItemsCell.parse("姓名:文本;年龄:数值型:abc;地址;电话:字符型:11:座机", "信息项"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::rule, FieldViolation::message)
                    .extracting(t -> t.toList().get(0) + " | " + t.toList().get(1))
                    .satisfiesExactly(
                        v -> assertThat(v).startsWith("enum | 信息项: item 1 '姓名'"),
                        v -> assertThat(v).startsWith("items.length | 信息项: item 2 '年龄'"),
                        v -> assertThat(v).startsWith("items.format | 信息项: item 3 '地址'"),
                        v -> assertThat(v).startsWith("enum | 信息项: item 4 '电话'")));
  }
}
