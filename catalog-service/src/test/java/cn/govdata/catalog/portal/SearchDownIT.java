package cn.govdata.catalog.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Elasticsearch is down (nothing listens at the configured address): search says so clearly in
 * every interface, and the rest of the portal, CKAN and DCAT-AP keep working from the directory.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"govdata.demo.enabled=true", "govdata.search.url=http://127.0.0.1:9"})
class SearchDownIT {

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry registry) {
    registry.add("govdata.home", () -> "target/it-home/search-down-" + UUID.randomUUID());
  }

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  @Test
  void searchFailsWithAClearMessageWhileTheRestOfThePortalWorks() throws Exception {
    ResponseEntity<String> api = http.getForEntity("/api/v1/search?q=x", String.class);
    assertThat(api.getStatusCode().value()).isEqualTo(503);
    JsonNode problem = json.readTree(api.getBody());
    assertThat(problem.path("detail").asText()).contains("unavailable");
    assertThat(api.getBody().toLowerCase(Locale.ROOT)).doesNotContain("connection refused");

    ResponseEntity<String> ckan =
        http.getForEntity("/api/3/action/package_search?q=x", String.class);
    assertThat(ckan.getStatusCode().value()).isEqualTo(503);
    assertThat(json.readTree(ckan.getBody()).path("success").asBoolean(true)).isFalse();

    ResponseEntity<String> page = http.getForEntity("/search?q=x", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(503);
    assertThat(page.getBody()).contains("搜索服务暂时不可用");

    assertThat(http.getForEntity("/", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(http.getForObject("/actuator/health", String.class)).contains("UP");
    JsonNode packages =
        json.readTree(http.getForObject("/api/3/action/package_list", String.class));
    assertThat(packages.path("result")).isNotEmpty();
    JsonNode first =
        json.readTree(
            http.getForObject(
                "/api/3/action/package_show?id={id}",
                String.class,
                packages.path("result").get(0).asText()));
    String id = first.path("result").path("id").asText();
    assertThat(http.getForEntity("/dataset/" + id, String.class).getStatusCode().value())
        .isEqualTo(200);
    assertThat(http.getForEntity("/catalog.ttl", String.class).getStatusCode().value())
        .isEqualTo(200);
  }
}
