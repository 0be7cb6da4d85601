package cn.govdata.governance.directory;

import static cn.govdata.governance.directory.LifecycleStatus.APPROVED;
import static cn.govdata.governance.directory.LifecycleStatus.DRAFT;
import static cn.govdata.governance.directory.LifecycleStatus.PUBLISHED;
import static cn.govdata.governance.directory.LifecycleStatus.RETIRED;
import static cn.govdata.governance.directory.LifecycleStatus.RETURNED;
import static cn.govdata.governance.directory.LifecycleStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleStatusTest {

  @Test
  void theAllowedTransitionsAreExactlyTheDocumentedOnes() {
    Set<String> allowed = new java.util.TreeSet<>();
    for (LifecycleStatus from : LifecycleStatus.values()) {
      for (LifecycleStatus to : LifecycleStatus.values()) {
        if (from.canMoveTo(to)) {
          allowed.add(from + "->" + to);
        }
      }
    }
    assertThat(allowed)
        .containsExactlyInAnyOrder(
            "DRAFT->SUBMITTED",
            "RETURNED->SUBMITTED",
            "SUBMITTED->APPROVED",
            "SUBMITTED->RETURNED",
            "APPROVED->PUBLISHED",
            "APPROVED->RETURNED",
            "PUBLISHED->RETIRED");
  }

  @Test
  void onlyDraftsAndReturnedEntriesAreEditable() {
    assertThat(EnumSet.allOf(LifecycleStatus.class).stream().filter(LifecycleStatus::isEditable))
        .containsExactlyInAnyOrder(DRAFT, RETURNED);
  }

  @Test
  void onlyPublishedEntriesAreListed() {
    assertThat(PUBLISHED.isListed()).isTrue();
    assertThat(APPROVED.isListed()).isFalse();
    assertThat(RETIRED.isListed()).isFalse();
    assertThat(SUBMITTED.isListed()).isFalse();
  }
}
