package cn.govdata.catalog.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.catalog.Fixtures;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.ProviderDepartment;
import org.junit.jupiter.api.Test;

class DatasetAccessTest {

  // Fixtures.entry stores entries in department 1
  static final ProviderDepartment A =
      Fixtures.department("甲局", 1, "440600", AdministrativeLevel.CITY);
  static final Caller CATALOGUER_A = new Caller("a", Role.CATALOGUER, 1L);
  static final Caller CATALOGUER_B = new Caller("b", Role.CATALOGUER, 2L);
  static final Caller REVIEWER = new Caller("r", Role.REVIEWER, null);
  static final Caller DEVELOPER = new Caller("d", Role.DEVELOPER, null);

  static Entry entry(InformationResource resource, LifecycleStatus status) {
    return Fixtures.entry(resource, status);
  }

  @Test
  void conditionalSharingIsForTheProviderOnlyUntilApplicationsExist() {
    Entry conditional =
        entry(
            Fixtures.sharedResource(A, Fixtures.departmental("101", "目"), "有条件共享"),
            LifecycleStatus.PUBLISHED);
    assertThat(DatasetAccess.mayReadRows(CATALOGUER_A, conditional)).isTrue();
    assertThat(DatasetAccess.mayReadRows(REVIEWER, conditional)).isTrue();
    assertThat(DatasetAccess.mayReadRows(CATALOGUER_B, conditional)).isFalse();
    // another department sees the entry on the shared list, so the refusal is 403, not 404
    assertThatThrownBy(() -> DatasetAccess.requireRows(CATALOGUER_B, conditional))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.rule()).isEqualTo("data.application-required"));
    // a developer does not see shared entries at all
    assertThatThrownBy(() -> DatasetAccess.requireRows(DEVELOPER, conditional))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.rule()).isEqualTo("not-found"));
  }

  @Test
  void openDataIsForEveryKeyHolderOncePublished() {
    InformationResource open = Fixtures.openResource(A, Fixtures.departmental("102", "目"), "开放");
    assertThat(DatasetAccess.mayReadRows(DEVELOPER, entry(open, LifecycleStatus.PUBLISHED)))
        .isTrue();
    assertThat(DatasetAccess.mayReadRows(CATALOGUER_B, entry(open, LifecycleStatus.PUBLISHED)))
        .isTrue();
    Entry approved = entry(open, LifecycleStatus.APPROVED);
    assertThat(DatasetAccess.mayReadRows(CATALOGUER_A, approved)).isFalse();
    assertThatThrownBy(() -> DatasetAccess.requireRows(CATALOGUER_A, approved))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.rule()).isEqualTo("not-found"));
  }

  @Test
  void notSharedDataStaysWithItsDepartment() {
    Entry closed =
        entry(
            Fixtures.closedResource(A, Fixtures.departmental("103", "目"), "不予共享"),
            LifecycleStatus.PUBLISHED);
    assertThat(DatasetAccess.mayReadRows(CATALOGUER_A, closed)).isTrue();
    assertThat(DatasetAccess.mayReadRows(CATALOGUER_B, closed)).isFalse();
    assertThatThrownBy(() -> DatasetAccess.requireRows(CATALOGUER_B, closed))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.rule()).isEqualTo("not-found"));
  }
}
