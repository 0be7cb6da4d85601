package cn.govdata.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationRequestTest {

  static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                new ApplicationRequest(
                    null, " ", null, List.of(), null, DAY, DAY.minusDays(1), null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactlyInAnyOrder(
                        "entryId", "purpose", "legalBasis", "items", "validUntil"));
  }

  @Test
  void listsAreTrimmedAndDeduplicated() {
    ApplicationRequest request =
        new ApplicationRequest(
            1L,
            "核验",
            "依据",
            Arrays.asList(" 数量", "数量", null, ""),
            List.of("440604 "),
            DAY,
            DAY.plusDays(ApplicationRequest.MAX_DAYS - 1),
            null);
    assertThat(request.items()).containsExactly("数量");
    assertThat(request.regionCodes()).containsExactly("440604");
  }

  @Test
  void aPeriodLongerThanTheMaximumIsRefused() {
    assertThatThrownBy(
            () ->
                new ApplicationRequest(
                    1L,
                    "核验",
                    "依据",
                    List.of("数量"),
                    List.of(),
                    DAY,
                    DAY.plusDays(ApplicationRequest.MAX_DAYS),
                    null))
        .hasMessageContaining("at most " + ApplicationRequest.MAX_DAYS + " days");
  }

  @Test
  void regionPrefixesCoverTheRegionsBelow() {
    assertThat(PolicyPublisher.regionPrefix("440000")).isEqualTo("44");
    assertThat(PolicyPublisher.regionPrefix("440600")).isEqualTo("4406");
    assertThat(PolicyPublisher.regionPrefix("440604")).isEqualTo("440604");
  }
}
