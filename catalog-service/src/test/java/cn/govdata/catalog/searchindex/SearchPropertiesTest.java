package cn.govdata.catalog.searchindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.pipelines.exchange.NodeCertificates;
import cn.govdata.search.SearchSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SearchPropertiesTest {

  @TempDir Path directory;

  @Test
  void defaultsFitTheLocalNode() {
    SearchProperties properties = bind(Map.of(), Map.of());
    assertThat(properties.url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
    assertThat(properties.alias()).isEqualTo("govdata-catalog");
    assertThat(properties.rebuildOnStartup()).isTrue();
    assertThat(properties.settings()).isEqualTo(SearchSettings.defaults());
    assertThat(properties.settings().hasCredentials()).isFalse();
  }

  @Test
  void theChartsSettingsMapFromTheirNamesAndThePasswordFromTheEnvironment() throws Exception {
    Path ca = directory.resolve("ca.crt");
    Files.writeString(
        ca,
        NodeCertificates.authority(directory, "es", "changeit").certificatePem(),
        StandardCharsets.US_ASCII);
    // as helm/govdata/templates/catalog/configmap.yaml and deployment.yaml set them (ECK mode)
    SearchProperties properties =
        bind(
            Map.of(
                "govdata.search.url", "https://govdata-es-http:9200",
                "govdata.search.alias", "zone-catalog",
                "govdata.search.rebuild-on-startup", "false",
                "govdata.search.username", "elastic",
                "govdata.search.ca-certificate", ca.toString()),
            Map.of("GOVDATA_SEARCH_PASSWORD", "s3cret"));

    assertThat(properties.settings())
        .isEqualTo(
            new SearchSettings(
                URI.create("https://govdata-es-http:9200"),
                "zone-catalog",
                "elastic",
                "s3cret",
                ca));
    assertThat(properties.rebuildOnStartup()).isFalse();
    assertThat(properties.toString()).contains("username=elastic").doesNotContain("s3cret");
  }

  @Test
  void aUserWithoutItsPasswordStopsStartUpNamingTheProperty() {
    assertThatThrownBy(() -> bind(Map.of("govdata.search.username", "elastic"), Map.of()))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("govdata.search.password: search password is not set");
    assertThatThrownBy(() -> bind(Map.of(), Map.of("GOVDATA_SEARCH_PASSWORD", "s3cret")))
        .rootCause()
        .hasMessageContaining("govdata.search.username: search username is not set")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aMissingCaFileStopsStartUpNamingTheFile() {
    Path missing = directory.resolve("ca.crt");
    assertThatThrownBy(
            () -> bind(Map.of("govdata.search.ca-certificate", missing.toString()), Map.of()))
        .rootCause()
        .hasMessageContaining(
            "govdata.search.ca-certificate: search CA certificate " + missing + " does not exist");
  }

  @Test
  void theMetadataForIdesListsTheSecuritySettings() throws Exception {
    List<String> names = new ArrayList<>();
    for (URL metadata :
        Collections.list(
            getClass()
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = metadata.openStream()) {
        for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
          names.add(property.path("name").asText());
        }
      }
    }
    assertThat(names)
        .contains(
            "govdata.search.url",
            "govdata.search.username",
            "govdata.search.password",
            "govdata.search.ca-certificate");
  }

  private static SearchProperties bind(Map<String, Object> properties, Map<String, Object> env) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addLast(new MapPropertySource("properties", new HashMap<>(properties)));
    sources.addLast(new SystemEnvironmentPropertySource("environment", new HashMap<>(env)));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("govdata.search", SearchProperties.class);
  }
}
