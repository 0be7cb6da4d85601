package cn.govdata.governance.codes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.AdministrativeLevel;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb2260RegionsTest {

  private final Gb2260Regions regions = Gb2260Regions.national();

  @Test
  void findsCurrentDivisionsAcrossTheCountry() {
    assertThat(regions.find("440606")).get().extracting(Region::name).isEqualTo("顺德区");
    assertThat(regions.find("440600")).get().extracting(Region::name).isEqualTo("佛山市");
    assertThat(regions.find("110105")).get().extracting(Region::name).isEqualTo("朝阳区");
    assertThat(regions.find("650000")).get().extracting(Region::name).isEqualTo("新疆维吾尔自治区");
    assertThat(regions.find("440606").get().parentCode()).isEqualTo("440600");
    assertThat(regions.find("440606").get().level()).isEqualTo(AdministrativeLevel.COUNTY);
  }

  @Test
  void shipsTheWholeCountryNotOnlyGuangdong() {
    long provinces = regions.all().stream().filter(r -> r.code().endsWith("0000")).count();
    assertThat(provinces).isEqualTo(31);
    assertThat(regions.all().stream().filter(Region::isCurrent).count()).isGreaterThan(3000);
  }

  @Test
  void retiredCodeKnowsItsSuccessorAndDate() {
    Region luogang = regions.find("440116").orElseThrow();
    assertThat(luogang.name()).isEqualTo("萝岗区");
    assertThat(luogang.isCurrent()).isFalse();
    assertThat(luogang.validUntil()).isEqualTo(LocalDate.of(2014, 2, 12));
    assertThat(luogang.successorCode()).isEqualTo("440112");
    assertThat(regions.current("440116")).get().extracting(Region::name).isEqualTo("黄埔区");
    assertThat(regions.current("440681")).get().extracting(Region::name).isEqualTo("顺德区");
  }

  @Test
  void checkRejectsRetiredCodesUnlessHistoryIsAllowed() {
    assertThat(regions.check("440116", false).rule()).isEqualTo("region.historical");
    assertThat(regions.check("440116", false).message()).contains("440112");
    assertThat(regions.check("440116", true).isValid()).isTrue();
    assertThat(regions.check("440606", false).isValid()).isTrue();
  }

  @Test
  void unknownCodesAreNotFound() {
    assertThat(regions.find("449999")).isEmpty();
    assertThat(regions.find(null)).isEmpty();
    assertThat(regions.check("449999", true).rule()).isEqualTo("region.unknown");
    assertThat(regions.check("44060", true).rule()).isEqualTo("region.format");
    assertThat(regions.current("449999")).isEmpty();
  }

  @Test
  void childrenOfFoshanAreItsFiveDistricts() {
    assertThat(regions.children("440600"))
        .extracting(Region::code)
        .containsExactly("440604", "440605", "440606", "440607", "440608");
    assertThat(regions.children("440606")).isEmpty();
  }

  @Test
  void municipalitiesHaveTheirDistrictsDirectlyBelow() {
    assertThat(regions.find("110100")).isEmpty();
    assertThat(regions.children("110000")).extracting(Region::name).contains("朝阳区", "海淀区");
  }

  @Test
  void findsByNameWithinARegion() {
    assertThat(regions.findByName("朝阳区")).extracting(Region::code).contains("110105", "220104");
    assertThat(regions.findByName("朝阳区", "220000"))
        .get()
        .extracting(Region::code)
        .isEqualTo("220104");
    assertThat(regions.findByName("南海区", "440000"))
        .get()
        .extracting(Region::code)
        .isEqualTo("440605");
    assertThat(regions.findByName("南海市")).first().extracting(Region::isCurrent).isEqualTo(false);
    assertThat(regions.path("440606"))
        .extracting(Region::name)
        .containsExactly("广东省", "佛山市", "顺德区");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "广东省佛山市顺德区大良街道新城区, 440606",
    "佛山顺德大良, 440606",
    "佛山市南海区桂城街道, 440605",
    "广东佛山, 440600",
    "北京市朝阳区建国路, 110105",
    "吉林省长春市朝阳区, 220104",
    "广西壮族自治区南宁市青秀区, 450103",
    "新疆乌鲁木齐市, 650100",
  })
  void locatesTheMostSpecificDivisionAnAddressStartsWith(String address, String code) {
    assertThat(regions.locate(address)).get().extracting(Region::code).isEqualTo(code);
  }

  @Test
  void ambiguousOrUnknownAddressesAreNotGuessed() {
    assertThat(regions.locate("朝阳区建国路")).isEmpty();
    assertThat(regions.locate("某某大道1号")).isEmpty();
    assertThat(regions.locate(null)).isEmpty();
    assertThat(regions.locate("广东省朝阳区")).get().extracting(Region::code).isEqualTo("440000");
  }

  @Test
  void shortNamesDropTheAdministrativeSuffix() {
    assertThat(Gb2260Regions.shortName("广西壮族自治区")).contains("广西");
    assertThat(Gb2260Regions.shortName("佛山市")).contains("佛山");
    assertThat(Gb2260Regions.shortName("顺德区")).contains("顺德");
    assertThat(Gb2260Regions.shortName("城区")).isEmpty();
  }
}
