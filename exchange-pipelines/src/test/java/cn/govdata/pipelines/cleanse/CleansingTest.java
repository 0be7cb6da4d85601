package cn.govdata.pipelines.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.IdentityNumbers;
import cn.govdata.governance.codes.OrganizationCodes;
import cn.govdata.pipelines.cleanse.Cleaned.Status;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleansingTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
  private static final String VALID_ID = withCheck("44060519850312123");

  private static String withCheck(String first17) {
    return first17 + IdentityNumbers.checkCharacter(first17);
  }

  @Test
  void fullWidthDigitsAndIdeographicSpacesBecomeAscii() {
    assertThat(Text.toHalfWidth("４４０６　ＡＢ（１）")).isEqualTo("4406 AB(1)");
    assertThat(Text.clean("  张\u3000 三  ")).isEqualTo("张 三");
    assertThat(Text.clean(" 不详 ")).isNull();
  }

  @Test
  void matchKeyIgnoresScriptSpacesAndPunctuation() {
    assertThat(Text.matchKey("張 麗·華")).isEqualTo(Text.matchKey("张丽华")).isEqualTo("张丽华");
    assertThat(ChineseScript.toTraditional("广东佛山")).isEqualTo("廣東佛山");
  }

  @Test
  void identityNumberWithFullWidthDigitsIsValidAfterLayoutCleaning() {
    String fullWidth =
        Text.toHalfWidth(VALID_ID)
            .chars()
            .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? c + 0xFEE0 : c)))
            .reduce("", String::concat);
    Cleaned cleaned = IdentityNumberCleaner.standardise(" " + fullWidth + " ", TODAY);
    assertThat(cleaned.status()).isEqualTo(Status.VALID);
    assertThat(cleaned.value()).isEqualTo(VALID_ID);
  }

  @Test
  void legacyFifteenDigitNumberIsUpgradedAndCountedAsRepaired() {
    String legacy = "440605850312123";
    Cleaned cleaned = IdentityNumberCleaner.standardise(legacy, TODAY);
    assertThat(cleaned.status()).isEqualTo(Status.REPAIRED);
    assertThat(cleaned.rule()).isEqualTo("identity-number.upgraded-15");
    assertThat(cleaned.value()).isEqualTo(VALID_ID);
    assertThat(cleaned.original()).isEqualTo(legacy);
  }

  @Test
  void identityNumberFailingItsChecksumIsRejectedWithTheRule() {
    char wrong = VALID_ID.charAt(17) == '1' ? '2' : '1';
    Cleaned cleaned = IdentityNumberCleaner.standardise(VALID_ID.substring(0, 17) + wrong, TODAY);
    assertThat(cleaned.status()).isEqualTo(Status.REJECTED);
    assertThat(cleaned.rule()).isEqualTo("identity-number.check-character");
    assertThat(cleaned.value()).isNull();
  }

  @Test
  void declaredBirthDateAndSexAreCrossCheckedAgainstTheNumber() {
    IdentityNumberCleaner.Derived derived = IdentityNumberCleaner.derive(VALID_ID);
    assertThat(derived.birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
    assertThat(derived.sex()).isEqualTo("M");
    assertThat(derived.regionCode()).isEqualTo("440605");
    assertThat(IdentityNumberCleaner.crossCheck(VALID_ID, "1985-03-12", "M")).isEmpty();
    assertThat(IdentityNumberCleaner.crossCheck(VALID_ID, "1985-03-21", "F"))
        .containsExactly("identity-number.birth-date-mismatch", "identity-number.sex-mismatch");
  }

  @ParameterizedTest
  @CsvSource({
    "13812345678, 13812345678",
    "+86 138-1234-5678, 13812345678",
    "0086１３８１２３４５６７８, 13812345678",
    "0757-86001234, 0757-86001234",
    "(020)38881234, 020-38881234",
    "075786001234, 0757-86001234"
  })
  void phoneNumbersAreNormalised(String raw, String expected) {
    Cleaned cleaned = PhoneNumbers.standardise(raw);
    assertThat(cleaned.status()).isEqualTo(Status.VALID);
    assertThat(cleaned.value()).isEqualTo(expected);
  }

  @Test
  void malformedPhoneNumbersAreRejectedWithAReason() {
    assertThat(PhoneNumbers.standardise("12012345678").rule()).isEqualTo("phone.mobile-prefix");
    assertThat(PhoneNumbers.standardise("1381234567").rule()).isEqualTo("phone.mobile-length");
    assertThat(PhoneNumbers.standardise("call me").rule()).isEqualTo("phone.format");
    assertThat(PhoneNumbers.standardise(" ").status()).isEqualTo(Status.MISSING);
  }

  @ParameterizedTest
  @CsvSource({
    "2024-03-05, 2024-03-05",
    "2024/3/5, 2024-03-05",
    "2024.03.05, 2024-03-05",
    "20240305, 2024-03-05",
    "2024年3月5日, 2024-03-05",
    "2024-03-05 10:22:01, 2024-03-05",
    "２０２４－０３－０５, 2024-03-05"
  })
  void datesInCommonFormatsBecomeIso(String raw, String expected) {
    assertThat(Dates.standardise(raw).value()).isEqualTo(expected);
  }

  @Test
  void impossibleDatesAreRejected() {
    assertThat(Dates.standardise("2023-02-30").rule()).isEqualTo("date.calendar");
    assertThat(Dates.standardise("March 5").rule()).isEqualTo("date.format");
  }

  @Test
  void sexCodesAreMapped() {
    assertThat(Sexes.standardise("男").value()).isEqualTo("M");
    assertThat(Sexes.standardise("2").value()).isEqualTo("F");
    assertThat(Sexes.standardise("x").rule()).isEqualTo("sex.code");
  }

  @Test
  void abbreviatedAddressIsCompletedToItsDivision() {
    Addresses.ParsedAddress parsed = Addresses.parse("佛山南海区桂城街道南海大道 12 号");
    assertThat(parsed.divisionCode()).isEqualTo("440605");
    assertThat(parsed.detail()).isEqualTo("桂城街道南海大道12号");
    assertThat(parsed.cleaned().value()).isEqualTo("广东省佛山市南海区桂城街道南海大道12号");
    assertThat(parsed.cleaned().status()).isEqualTo(Status.REPAIRED);
    assertThat(Addresses.parse("廣東省佛山市順德區大良街道1號").divisionCode()).isEqualTo("440606");
    assertThat(Addresses.parse("广东省佛山市禅城区祖庙路1号").cleaned().status()).isEqualTo(Status.VALID);
  }

  @Test
  void addressWithoutAKnownDivisionIsRejected() {
    Addresses.ParsedAddress parsed = Addresses.parse("某某路 3 号");
    assertThat(parsed.cleaned().rule()).isEqualTo("address.division-unknown");
    assertThat(parsed.divisionCode()).isNull();
  }

  @Test
  void creditCodeAndLegacyOrganisationCodeShareOneOrganisationKey() {
    String organisation = "MA4UP1K2" + OrganizationCodes.checkCharacter("MA4UP1K2");
    String credit = CreditCodes.compose('9', '1', "440605", organisation);
    assertThat(OrganisationIdentifiers.creditCode(credit.toLowerCase(Locale.ROOT)).value())
        .isEqualTo(credit);
    assertThat(OrganisationIdentifiers.organisationKey(credit)).isEqualTo(organisation);
    assertThat(
            OrganisationIdentifiers.organisationKey(
                organisation.substring(0, 8) + "-" + organisation.charAt(8)))
        .isEqualTo(organisation);
    assertThat(OrganisationIdentifiers.organisationKey("440605" + organisation))
        .isEqualTo(organisation);
    char wrong = credit.charAt(17) == '0' ? '1' : '0';
    assertThat(OrganisationIdentifiers.creditCode(credit.substring(0, 17) + wrong).rule())
        .isEqualTo("credit-code.check-character");
    assertThat(OrganisationIdentifiers.organisationKey("123")).isNull();
  }

  @Test
  void companyNamesShareAKeyAcrossRegionPrefixBracketsAndLegalForm() {
    String key = CompanyNames.matchKey("佛山市南海区 顺达贸易有限公司");
    assertThat(key).isEqualTo("顺达贸易");
    assertThat(CompanyNames.matchKey("顺达贸易（佛山）有限责任公司")).isEqualTo(key);
    assertThat(CompanyNames.matchKey("順達貿易有限公司")).isEqualTo(key);
    assertThat(CompanyNames.matchKey("顺达贸易有限公司南海分公司")).isNotEqualTo(key);
    assertThat(CompanyNames.standardise("顺达贸易（佛山） 有限公司").value()).isEqualTo("顺达贸易(佛山)有限公司");
  }

  @Test
  void addressesAnywhereInTheCountryResolveToTheNationalDivisions() {
    assertThat(Addresses.parse("惠州博罗县罗阳镇1号").divisionCode()).isEqualTo("441322");
    assertThat(Addresses.parse("北京市朝阳区建国路1号").divisionCode()).isEqualTo("110105");
    assertThat(Addresses.parse("长春朝阳区西安大路2号").divisionCode()).isEqualTo("220104");
    // a county directly under its province
    Addresses.ParsedAddress xiantao = Addresses.parse("湖北仙桃市沔阳大道3号");
    assertThat(xiantao.divisionCode()).isEqualTo("429004");
    assertThat(xiantao.cleaned().value()).isEqualTo("湖北省仙桃市沔阳大道3号");
    // 朝阳区 alone could be Beijing's or Changchun's: not guessed
    assertThat(Addresses.parse("朝阳区建国路1号").divisionCode()).isNull();
    assertThat(Addresses.parse("博罗县罗阳镇1号").cleaned().value()).isEqualTo("广东省惠州市博罗县罗阳镇1号");
  }

  @Test
  void countyShortNamesAreTradeNamesUnlessTheyFollowTheirCity() {
    // 永泰县 is in Fujian; 永泰 at the start of a name is a trade name
    assertThat(CompanyNames.matchKey("永泰顺达贸易有限公司")).isEqualTo("永泰顺达贸易");
    assertThat(CompanyNames.matchKey("福州市永泰顺达贸易有限公司")).isEqualTo("顺达贸易");
    assertThat(CompanyNames.matchKey("博罗县顺达贸易有限公司")).isEqualTo("顺达贸易");
  }

  @Test
  void divisionsComeFromTheNationalListWithTheirHierarchy() {
    assertThat(Divisions.find("440605").orElseThrow().fullName()).isEqualTo("广东省佛山市南海区");
    assertThat(Divisions.find("110105").orElseThrow().fullName()).isEqualTo("北京市朝阳区");
    assertThat(Divisions.all()).hasSizeGreaterThan(3000);
    assertThat(Divisions.counties(Divisions.find("440600").orElseThrow()))
        .extracting(Divisions.Division::code)
        .containsExactly("440604", "440605", "440606", "440607", "440608");
  }

  @Test
  void aLegacyIdentifierInTheCreditCodeColumnIsAMissingCreditCodeButAnOrganisationCode() {
    String organisation = "MA4UP1K2" + OrganizationCodes.checkCharacter("MA4UP1K2");
    String credit = CreditCodes.compose('9', '1', "440605", organisation);
    assertThat(OrganisationIdentifiers.creditCodeOrLegacy(credit).status()).isEqualTo(Status.VALID);
    assertThat(OrganisationIdentifiers.organisationCodeOf(credit).value()).isEqualTo(organisation);

    String taxNumber = "440605" + organisation;
    assertThat(OrganisationIdentifiers.creditCodeOrLegacy(taxNumber).status())
        .isEqualTo(Status.MISSING);
    Cleaned fromTaxNumber = OrganisationIdentifiers.organisationCodeOf(taxNumber);
    assertThat(fromTaxNumber.value()).isEqualTo(organisation);
    assertThat(fromTaxNumber.rule()).isEqualTo("organisation-code.from-tax-number");
    assertThat(OrganisationIdentifiers.organisationCodeOf("MA4UP1K2-" + organisation.charAt(8)))
        .isEqualTo(Cleaned.valid(organisation, "MA4UP1K2-" + organisation.charAt(8)));

    char wrong = credit.charAt(17) == '0' ? '1' : '0';
    Cleaned mistyped = OrganisationIdentifiers.creditCodeOrLegacy(credit.substring(0, 17) + wrong);
    assertThat(mistyped.status()).isEqualTo(Status.REJECTED);
    assertThat(mistyped.rule()).isEqualTo("credit-code.check-character");
    assertThat(OrganisationIdentifiers.organisationCodeOf("123").status())
        .isEqualTo(Status.MISSING);
  }
}
