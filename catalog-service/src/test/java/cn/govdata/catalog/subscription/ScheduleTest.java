package cn.govdata.catalog.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void aFiveFieldCronRunsInShanghaiTimeAndSkipsMissedSlots() {
    Schedule daily = Schedule.parse("0 2 * * *");
    // slot 2026-01-01 02:00 Shanghai = 2025-12-31T18:00Z, delivered three days late
    Instant slot = Instant.parse("2025-12-31T18:00:00Z");
    Instant now = Instant.parse("2026-01-03T20:30:00Z");
    assertThat(daily.nextSlot(slot, now)).isEqualTo(Instant.parse("2026-01-04T18:00:00Z"));
  }

  @Test
  void onSnapshotIsDueAgainAtTheNextMinuteAtTheEarliest() {
    Schedule onSnapshot = Schedule.parse("ON_SNAPSHOT");
    Instant slot = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(onSnapshot.nextSlot(slot, Instant.parse("2026-01-01T00:00:30Z")))
        .isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(onSnapshot.nextSlot(slot, Instant.parse("2026-01-01T05:07:45Z")))
        .isEqualTo(Instant.parse("2026-01-01T05:07:00Z"));
  }

  @Test
  void aScheduleThatIsNeitherCronNorOnSnapshotNamesTheField() {
    assertThatThrownBy(() -> Schedule.parse("every day"))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(
            e ->
                assertThat(((InvalidFieldException) e).violations().get(0).field())
                    .isEqualTo("schedule"));
    assertThatThrownBy(() -> Schedule.parse(" ")).isInstanceOf(InvalidFieldException.class);
  }
}
