package cn.govdata.catalog.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayUsersTest {

  @Test
  void groupsFollowThePolicyCompilersNames() {
    assertThat(GatewayUsers.groups("CATALOGUER", "11440600MA4X00001K"))
        .containsExactly("dept_11440600ma4x00001k", "government");
    assertThat(GatewayUsers.groups("REVIEWER", null)).containsExactly("government");
    assertThat(GatewayUsers.groups("DEVELOPER", null)).isEmpty();
  }
}
