package cn.govdata.governance.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodesTest {

  @Test
  void acceptsAWellFormedCode() {
    assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
  }

  @Test
  void composeProducesCodesThatCheck() {
    String code =
        CreditCodes.compose(
            '9', '1', "440604", "70846113" + OrganizationCodes.checkCharacter("70846113"));
    assertThat(CreditCodes.check(code).isValid()).isTrue();
    assertThat(CreditCodes.organisationCode(code)).isEqualTo("708461136");
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @CsvSource({
    "91350100M000100Y44, credit-code.check-character",
    "91350100M000100Y4, credit-code.length",
    "91350100M0001O0Y43, credit-code.alphabet",
    "913501AAM000100Y43, credit-code.region",
    "91350100M000100Y53, credit-code.organisation-code",
  })
  void rejectsBrokenCodesNamingTheRule(String code, String rule) {
    assertThat(CreditCodes.check(code).rule()).isEqualTo(rule);
  }

  @Test
  void organisationCodeAcceptsTheHyphenatedForm() {
    assertThat(OrganizationCodes.check("M000100Y-4").canonical()).isEqualTo("M000100Y4");
    assertThat(OrganizationCodes.check("M000100Y-5").rule())
        .isEqualTo("organisation-code.check-character");
  }

  @Test
  void registrationNumberCheckDigitRoundTrips() {
    String first14 = "44060400012345";
    String number = first14 + RegistrationNumbers.checkDigit(first14);
    assertThat(RegistrationNumbers.isValid(number)).isTrue();
    String wrong = first14 + ((RegistrationNumbers.checkDigit(first14) + 1) % 10);
    assertThat(RegistrationNumbers.check(wrong).rule())
        .isEqualTo("registration-number.check-digit");
  }
}
