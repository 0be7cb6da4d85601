package cn.govdata.catalog.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.federation.FederationNodes.Node;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The province harvests each city's open directory through the city's CKAN API and marks entries
 * the city retires as withdrawn. Harvests the fixture's peers (佛山 and 广州) and retires one of 佛山's
 * seeded entries; no other class harvests them or relies on 佛山's open list.
 */
class HarvestIT extends FederationSupport {

  @Test
  void theProvinceHarvestsEachCitysOpenDirectoryAndMarksRetiredEntriesWithdrawn() {
    JsonNode first = harvest(foshanPeer);
    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
    assertThat(first.path("found").asInt()).isEqualTo(3).isEqualTo(ckanCount(foshan));
    assertThat(harvested("fs-city", false).path("total").asLong()).isEqualTo(3);
    JsonNode second = harvest(guangzhouPeer);
    assertThat(second.path("found").asInt()).isEqualTo(2).isEqualTo(ckanCount(guangzhou));
    assertThat(harvested("gz-city", false).path("total").asLong()).isEqualTo(2);

    JsonNode entry = harvested("fs-city", false).path("items").get(0);
    assertThat(entry.path("peerName").asText()).isEqualTo("佛山市节点");
    assertThat(entry.path("organisation").asText()).isEqualTo("佛山市统计局");
    assertThat(entry.path("regionCode").asText()).isEqualTo("440600");
    assertThat(entry.path("url").asText()).startsWith(foshan.baseUrl() + "/dataset/");
    String page = call(province, "GET", "/federation", null, null).body();
    assertThat(page).contains("下级目录", "佛山市节点", "广州市节点", entry.path("title").asText());
    assertThat(page).contains("href=\"" + entry.path("url").asText() + "\"");

    long retired = foshanEntries.get(0);
    Map<String, Object> transition = new HashMap<>();
    transition.put("to", "RETIRED");
    transition.put("reason", "数据已停止更新");
    assertStatus(
        call(foshan, "POST", "/api/v1/entries/" + retired + "/transitions", transition, "city-cat"),
        200);
    JsonNode again = harvest(foshanPeer);
    assertThat(again.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(again.path("found").asInt()).isEqualTo(2);
    assertThat(again.path("withdrawn").asInt()).isEqualTo(1);
    assertThat(again.path("added").asInt()).isZero();
    assertThat(harvested("fs-city", false).path("total").asLong()).isEqualTo(2);
    JsonNode all = harvested("fs-city", true);
    assertThat(all.path("total").asLong()).isEqualTo(3);
    for (JsonNode item : all.path("items")) {
      assertThat(item.path("withdrawnAt").isNull())
          .as(item.toString())
          .isEqualTo(!item.path("remoteId").asText().equals(Long.toString(retired)));
    }
  }

  /** How many packages the city's own CKAN API counts for the public. */
  int ckanCount(Node city) {
    return call(city, "GET", "/api/3/action/package_search?rows=0", null, null)
        .json()
        .path("result")
        .path("count")
        .asInt();
  }
}
