package cn.govdata.pipelines.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryConfigurationTest {

  static final ResourceCode RESOURCE = ResourceCode.parse("101101/000001", "resource");

  @Test
  void backoffDoublesUpToItsCap() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(policy::backoffAfter))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void aBackflowFiltersToTheCityAndSaysSo() {
    DeliveryRequest request =
        Flows.backflow(
            "b-1", RESOURCE, "govdata.base.person", "region_code", "440600", 7L, "fs-city");
    assertThat(request.rowFilter()).isEqualTo("region_code LIKE '4406%'");
    assertThat(request.policies()).contains("row-filter:region_code in 440600");
    assertThat(request.isIncremental()).isTrue();
    assertThatThrownBy(
            () ->
                Flows.backflow(
                    "b-2", RESOURCE, "govdata.base.person", "region_code", "440604", null, "x"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.violations().get(0).rule()).isEqualTo("region.city"));
    assertThatThrownBy(
            () ->
                Flows.backflow(
                    "b-3", RESOURCE, "govdata.base.person", "x' OR '1'='1", "440600", null, "x"))
        .hasMessageContaining("regionColumn");
  }

  @Test
  void requestsRefuseNamesThatCouldEscapeTheirPlace() {
    assertThatThrownBy(
            () ->
                new DeliveryRequest(
                    "../etc", RESOURCE, "govdata.a.b", null, null, null, null, null, "n"))
        .hasMessageContaining("deliveryId");
    assertThatThrownBy(
            () ->
                new DeliveryRequest(
                    "d", RESOURCE, "govdata.a.b; drop table x", null, null, null, null, null, "n"))
        .hasMessageContaining("table");
    assertThatThrownBy(
            () -> new DeliveryRequest("d", RESOURCE, "govdata.a.b", 5L, 5L, null, null, null, "n"))
        .hasMessageContaining("two snapshots");
  }

  @Test
  void aJdbcTargetShowsNoCredentials() {
    JdbcTable table =
        new JdbcTable("jdbc:postgresql://db:5432/x?password=secret", "u", "secret", "person", true);
    assertThat(table.describe()).doesNotContain("secret");
    assertThat(table.toString()).doesNotContain("secret");
  }

  @Test
  void statusesRoundTripThroughTheirFiles(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    DeliveryStatusStore store = new DeliveryStatusStore(dir);
    DeliveryStatus status =
        new DeliveryStatus(
            "d-1",
            RESOURCE.toString(),
            "files csv in /x",
            DeliveryState.FAILED,
            3,
            42L,
            0,
            "ConnectException: refused",
            Instant.parse("2026-11-26T00:00:00Z"));
    store.save(status);
    assertThat(store.find("d-1")).contains(status);
    assertThat(store.list()).containsExactly(status);
  }
}
