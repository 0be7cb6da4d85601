package cn.govdata.governance.codes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.directory.AdministrativeLevel;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
}
