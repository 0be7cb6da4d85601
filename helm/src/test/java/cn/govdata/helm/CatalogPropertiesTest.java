package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code govdata.*} setting the chart gives the catalog service is one the service binds: a
 * key it ignores would be a setting that silently does nothing (the chart once set {@code
 * govdata.gateway.jdbc-url} while the service read {@code govdata.data-api.gateway-url}). The
 * service's own configuration metadata, which Spring Boot's processor writes when catalog-service
 * compiles, is the list of what it binds.
 */
class CatalogPropertiesTest {

  private static final Path METADATA =
      Path.of("..", "catalog-service", "target", "classes", "META-INF")
          .resolve("spring-configuration-metadata.json");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyGovdataSettingOfTheCatalogIsAPropertyTheServiceBinds(ValueSet values)
      throws IOException {
    Set<String> bound = boundProperties();
    JsonNode configuration =
        Manifests.yaml(
            Rendered.with(values).configMapEntry("govdata-catalog", "application-kubernetes.yml"));
    List<String> keys = new ArrayList<>();
    flatten("govdata", configuration.get("govdata"), keys);

    assertThat(keys).isNotEmpty();
    assertThat(keys).allSatisfy(key -> assertThat(bound).as("bound properties").contains(key));
  }

  private static Set<String> boundProperties() throws IOException {
    assertThat(METADATA)
        .as("catalog-service's configuration metadata (built before this module in the reactor)")
        .exists();
    JsonNode metadata = new ObjectMapper().readTree(Files.readString(METADATA));
    Set<String> names = new TreeSet<>();
    metadata.get("properties").forEach(property -> names.add(property.get("name").asText()));
    return names;
  }

  private static void flatten(String prefix, JsonNode node, List<String> keys) {
    if (node == null || !node.isObject()) {
      keys.add(prefix);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      flatten(prefix + "." + field.getKey(), field.getValue(), keys);
    }
  }
}
