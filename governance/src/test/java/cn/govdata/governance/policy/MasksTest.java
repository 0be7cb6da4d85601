package cn.govdata.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.codes.IdentityNumbers;
import cn.govdata.governance.directory.SensitivityTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MasksTest {

  @Test
  void identityNumberKeepsRegionAndLastFour() {
    String first17 = "44060519900307123";
    String number = first17 + IdentityNumbers.checkCharacter(first17);
    String masked = Masks.identityNumber(number);
    assertThat(masked).isEqualTo("440605********" + number.substring(14));
    assertThat(IdentityNumbers.isValid(masked)).isFalse();
  }

  @Test
  void mobileKeepsThreeAndFour() {
    assertThat(Masks.mobile("13812345678")).isEqualTo("138****5678");
  }

  @ParameterizedTest
  @CsvSource({"张三,张*", "王小明,王**", "欧阳娜娜,欧阳**", "欧阳,欧*", "李,*"})
  void personNameKeepsTheSurname(String name, String masked) {
    assertThat(Masks.personName(name)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
    "广东省佛山市南海区桂城街道灯湖东路1号,广东省佛山市南海区****",
    "北京市朝阳区建国路88号,北京市朝阳区****",
    "广东省广州市天河区,广东省广州市天河区****",
    "内蒙古自治区呼和浩特市新城区中山路,内蒙古自治区呼和浩特市新城区****",
    "灯湖东路1号,****"
  })
  void addressKeepsProvinceCityAndDistrict(String address, String masked) {
    assertThat(Masks.address(address)).isEqualTo(masked);
  }

  @Test
  void shortValuesAreHiddenEntirely() {
    assertThat(Masks.identityNumber("1234567890")).isEqualTo("**********");
    assertThat(Masks.mobile("1234567")).isEqualTo("*******");
  }

  @Test
  void rangerMasksBehaveAsRangerDescribesThem() {
    assertThat(Masks.redact("Ab1-张")).isEqualTo("Xx0-*");
    assertThat(Masks.showLast4("020-87654321")).isEqualTo("xxxxxxxx4321");
    assertThat(Masks.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Masks.apply(MaskType.MASK_NULL, "x")).isNull();
    assertThat(Masks.apply(MaskType.MASK_NONE, "x")).isEqualTo("x");
  }

  @ParameterizedTest
  @EnumSource(MaskType.class)
  void everyMaskKeepsNullNull(MaskType type) {
    assertThat(Masks.apply(type, null)).isNull();
  }

  @ParameterizedTest
  @EnumSource(SensitivityTag.class)
  void personalInformationIsNeverShownInTheClear(SensitivityTag tag) {
    boolean personal =
        new cn.govdata.governance.directory.InformationItem(
                "x", cn.govdata.governance.directory.DataType.STRING, null, null, tag)
            .isPersonal();
    assertThat(MaskType.forTag(tag).isClear())
        .isEqualTo(!personal && tag != SensitivityTag.FREE_TEXT);
  }
}
