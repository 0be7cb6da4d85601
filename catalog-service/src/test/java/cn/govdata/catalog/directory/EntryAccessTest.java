package cn.govdata.catalog.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCode;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

class EntryAccessTest {

  static final ProviderDepartment A =
      Fixtures.department("甲局", 1, "440600", AdministrativeLevel.CITY);
  static final Caller CATALOGUER_A = new Caller("a", Role.CATALOGUER, 1L);
  static final Caller CATALOGUER_B = new Caller("b", Role.CATALOGUER, 2L);
  static final Caller REVIEWER = new Caller("r", Role.REVIEWER, null);
  static final Caller DEVELOPER = new Caller("d", Role.DEVELOPER, null);

  static Entry entry(InformationResource resource, LifecycleStatus status) {
    ResourceCode code = new ResourceCode(resource.classification().frontCode(), 1);
    return new Entry(1, 1, status, 1, null, resource.withCode(code), Instant.now(), Instant.now());
  }

  @Test
  void draftsAreSeenOnlyByTheirDepartmentAndReviewers() {
    Entry draft =
        entry(
            Fixtures.openResource(A, Fixtures.departmental("101", "目"), "草稿"),
            LifecycleStatus.DRAFT);
    assertThat(EntryAccess.canRead(CATALOGUER_A, draft)).isTrue();
    assertThat(EntryAccess.canRead(REVIEWER, draft)).isTrue();
    assertThat(EntryAccess.canRead(CATALOGUER_B, draft)).isFalse();
    assertThat(EntryAccess.canRead(DEVELOPER, draft)).isFalse();
    assertThat(EntryAccess.canRead(Caller.ANONYMOUS, draft)).isFalse();
    assertThatThrownBy(() -> EntryAccess.requireCataloguing(CATALOGUER_B, draft))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
  }

  @Test
  void publishedEntriesAreSeenAsTheirListsSay() {
    Entry shared =
        entry(
            Fixtures.sharedResource(A, Fixtures.departmental("101", "目"), "共享"),
            LifecycleStatus.PUBLISHED);
    Entry open =
        entry(
            Fixtures.openResource(A, Fixtures.departmental("101", "目"), "开放"),
            LifecycleStatus.PUBLISHED);
    assertThat(EntryAccess.canRead(CATALOGUER_B, shared)).isTrue();
    assertThat(EntryAccess.canRead(Caller.ANONYMOUS, shared)).isFalse();
    assertThat(EntryAccess.canRead(DEVELOPER, shared)).isFalse();
    assertThat(EntryAccess.canRead(Caller.ANONYMOUS, open)).isTrue();
    assertThatThrownBy(() -> EntryAccess.requireCataloguing(CATALOGUER_B, shared))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(403);
              assertThat(e.rule()).isEqualTo("department.isolation");
            });
  }

  @Test
  void theSqlConditionNamesTheSameRulesAsTheCode() {
    assertThat(EntryAccess.visibleSql(REVIEWER, new HashMap<>())).isEmpty();
    var params = new HashMap<String, Object>();
    assertThat(EntryAccess.visibleSql(CATALOGUER_A, params))
        .contains("e.department_id = :callerDepartment", "NOT_SHARED", "NOT_OPEN");
    assertThat(params).containsEntry("callerDepartment", 1L);
    assertThat(EntryAccess.visibleSql(Caller.ANONYMOUS, new HashMap<>()))
        .contains("NOT_OPEN")
        .doesNotContain("NOT_SHARED");
  }
}
