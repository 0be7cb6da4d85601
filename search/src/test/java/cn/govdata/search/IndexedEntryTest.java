package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.LifecycleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexedEntryTest {

  @Test
  void anOpenEntryIsOnBothListsWithItsFacetValuesByConstantName() {
    IndexedEntry document =
        IndexedEntry.of(
            Entries.entry("e1", "广州市人口普查数据").item("常住人口", "各区常住人口数").keywords("人口普查").build());

    assertThat(document.lists()).containsExactly("open", "shared");
    assertThat(document.level()).isEqualTo("CITY");
    assertThat(document.openType()).isEqualTo("UNCONDITIONAL");
    assertThat(document.grade()).isEqualTo("L1");
    assertThat(document.classification()).isEqualTo("人口");
    assertThat(document.items()).contains("常住人口 各区常住人口数");
    assertThat(document.suggest())
        .containsEntry("input", List.of("广州市人口普查数据", "人口普查"))
        .containsEntry("contexts", Map.of("list", List.of("open", "shared")));
    assertThat(document.isListed()).isTrue();
  }

  @Test
  void aSharedOnlyEntryIsHiddenFromThePublicList() {
    IndexedEntry document = IndexedEntry.of(Entries.entry("e4", "社会保险参保信息").sharedOnly().build());

    assertThat(document.lists()).containsExactly("shared");
    assertThat(document.openType()).isEqualTo("NOT_OPEN");
  }

  @Test
  void onlyPublishedEntriesWithACodeCanBeIndexed() {
    var resource = Entries.entry("e1", "人口数据").resource();

    assertThatThrownBy(
            () ->
                new CatalogEntry("e1", resource, LifecycleStatus.APPROVED, "广州市", 0, Instant.EPOCH))
        .hasMessageContaining("only PUBLISHED entries are indexed");
    assertThatThrownBy(
            () ->
                new CatalogEntry(
                    "e1",
                    resource.withCode(null),
                    LifecycleStatus.PUBLISHED,
                    "广州市",
                    0,
                    Instant.EPOCH))
        .hasMessageContaining("no resource code");
    assertThatThrownBy(
            () ->
                new CatalogEntry(
                    "bad id", resource, LifecycleStatus.PUBLISHED, null, 0, Instant.EPOCH))
        .hasMessageContaining("entry id");
  }
}
