package cn.govdata.governance.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumbersTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Test
  void acceptsTheStandardsOwnExample() {
    assertThat(IdentityNumbers.check("11010519491231002X", TODAY).canonical())
        .isEqualTo("11010519491231002X");
  }

  @Test
  void acceptsALowerCaseCheckCharacterAndCanonicalisesIt() {
    assertThat(IdentityNumbers.check("11010519491231002x", TODAY).canonical())
        .isEqualTo("11010519491231002X");
  }

  @Test
  void upgradesALegacyFifteenDigitNumber() {
    String upgraded = IdentityNumbers.upgrade("110105491231002");
    assertThat(upgraded).isEqualTo("11010519491231002X");
    assertThat(IdentityNumbers.check("110105491231002", TODAY).canonical()).isEqualTo(upgraded);
  }

  @Test
  void derivesBirthDateSexAndRegion() {
    assertThat(IdentityNumbers.birthDate("11010519491231002X"))
        .isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(IdentityNumbers.isMale("11010519491231002X")).isFalse();
    assertThat(IdentityNumbers.regionCode("11010519491231002X")).isEqualTo("110105");
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @CsvSource({
    "110105194912310021, identity-number.check-character",
    "11010519491331002X, identity-number.birth-date",
    "11010520300101002X, identity-number.birth-date",
    "99010519491231002X, identity-number.region",
    "1101051949123100, identity-number.length",
    "1101051949123100XX, identity-number.format",
    "'', identity-number.required",
  })
  void rejectsBrokenNumbersNamingTheRule(String number, String rule) {
    CodeCheck check = IdentityNumbers.check(number, TODAY);
    assertThat(check.isValid()).isFalse();
    assertThat(check.rule()).isEqualTo(rule);
  }

  @Test
  void aViolationNamesTheField() {
    assertThat(
            IdentityNumbers.check("110105194912310021", TODAY).violation("holder.identityNumber"))
        .get()
        .satisfies(v -> assertThat(v.message()).startsWith("holder.identityNumber"));
  }
}
