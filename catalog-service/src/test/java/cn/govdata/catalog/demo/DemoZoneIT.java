package cn.govdata.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.directory.EntryRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo zone 佛山市 loads into a fresh embedded node, as {@code bin/govdata demo} runs it. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "govdata.demo.enabled=true")
class DemoZoneIT {

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry registry) {
    registry.add("govdata.home", () -> "target/it-home/demo-" + UUID.randomUUID());
  }

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired EntryRepository entries;
  @Autowired DemoZoneLoader loader;

  @Test
  void theDemoZoneHasDepartmentsAccountsAndEntriesInEveryLifecycleStatus() throws Exception {
    TestRestTemplate admin = http.withBasicAuth("admin", DemoZoneLoader.DEMO_PASSWORD);
    JsonNode departments = json.readTree(admin.getForObject("/api/v1/departments", String.class));
    assertThat(departments).hasSizeGreaterThanOrEqualTo(12);
    Set<String> levels = new HashSet<>();
    departments.forEach(d -> levels.add(d.path("level").asText()));
    assertThat(levels).contains("CITY", "COUNTY");

    assertThat(entries.count()).isBetween(150L, 250L);
    for (String status :
        new String[] {"DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED", "RETIRED"}) {
      JsonNode page =
          json.readTree(
              admin.getForObject("/api/v1/entries?size=1&status=" + status, String.class));
      assertThat(page.path("total").asLong()).as(status).isPositive();
    }
    JsonNode batches = json.readTree(http.getForObject("/api/v1/batches", String.class));
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0).path("actualDate").isTextual()).isTrue();

    JsonNode openList = json.readTree(http.getForObject("/api/v1/lists/open", String.class));
    Set<Integer> batchNumbers = new HashSet<>();
    openList.forEach(line -> batchNumbers.add(line.path("openBatch").path("number").asInt()));
    assertThat(batchNumbers).containsExactlyInAnyOrder(1, 2);

    JsonNode me =
        json.readTree(
            http.withBasicAuth("cataloguer01", DemoZoneLoader.DEMO_PASSWORD)
                .getForObject("/api/v1/me", String.class));
    assertThat(me.path("role").asText()).isEqualTo("CATALOGUER");
    assertThat(
            http.withBasicAuth("reviewer", DemoZoneLoader.DEMO_PASSWORD)
                .getForEntity("/api/v1/me", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    HttpHeaders key = new HttpHeaders();
    key.set("X-API-Key", DemoZoneLoader.DEMO_API_KEY);
    assertThat(
            http.exchange("/api/v1/me", HttpMethod.GET, new HttpEntity<>(key), String.class)
                .getBody())
        .contains("DEVELOPER");

    long loaded = entries.count();
    loader.run(null);
    assertThat(entries.count()).as("a second start loads nothing more").isEqualTo(loaded);
  }
}
