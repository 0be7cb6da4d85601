package cn.govdata.catalog.subscription;

import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a subscription delivers: on cron slots, or on every new snapshot ({@code ON_SNAPSHOT}, where
 * each slot is due at once and the agent delivers only if the table has a snapshot after the last
 * delivered one). Slots are whole minutes, so that a delivery id made of the slot start is stable.
 */
record Schedule(String text, CronExpression cron) {

  static final String ON_SNAPSHOT = "ON_SNAPSHOT";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static Schedule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException(
          "schedule", "required", "schedule is a cron expression or ON_SNAPSHOT");
    }
    String trimmed = text.strip();
    if (trimmed.equals(ON_SNAPSHOT)) {
      return new Schedule(trimmed, null);
    }
    String spring = trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    try {
      return new Schedule(trimmed, CronExpression.parse(spring));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "schedule",
          "schedule.format",
          "schedule must be a cron expression (e.g. '0 2 * * *') or ON_SNAPSHOT: "
              + e.getMessage());
    }
  }

  boolean onSnapshot() {
    return cron == null;
  }

  /** The slot after {@code slot} once it was delivered at {@code now}: always a later minute. */
  Instant nextSlot(Instant slot, Instant now) {
    Instant earliest = slot.plus(Duration.ofMinutes(1));
    Instant candidate;
    if (cron == null) {
      candidate = now;
    } else {
      ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(now.isAfter(slot) ? now : slot, ZONE));
      candidate = next == null ? Instant.MAX : next.toInstant();
    }
    candidate = candidate.truncatedTo(ChronoUnit.MINUTES);
    return candidate.isBefore(earliest) ? earliest : candidate;
  }
}
