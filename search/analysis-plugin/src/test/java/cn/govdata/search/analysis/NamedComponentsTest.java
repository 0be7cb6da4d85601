package cn.govdata.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch finds stable plugin components only through named_components.json, written by hand
 * here (Elasticsearch's Gradle plugin would generate it): every entry must name a class that
 * exists, implements the interface it is listed under and carries the same name.
 */
class NamedComponentsTest {

  private static final Pattern ENTRY = Pattern.compile("\"([a-z_0-9]+)\"\\s*:\\s*\"([\\w.]+)\"");
  private static final Pattern SECTION =
      Pattern.compile("\"(org\\.elasticsearch\\.plugin\\.analysis\\.\\w+)\"\\s*:\\s*\\{([^}]*)}");

  @Test
  void everyListedComponentExistsUnderItsInterfaceAndName() throws Exception {
    String json = Files.readString(Path.of("src/main/plugin/named_components.json"));
    Matcher section = SECTION.matcher(json);
    int components = 0;
    while (section.find()) {
      Class<?> api = Class.forName(section.group(1));
      Matcher entry = ENTRY.matcher(section.group(2));
      while (entry.find()) {
        Class<?> component = Class.forName(entry.group(2));
        assertThat(api.isAssignableFrom(component)).as(entry.group(2)).isTrue();
        assertThat(component.getAnnotation(NamedComponent.class).value()).isEqualTo(entry.group(1));
        components++;
      }
    }
    assertThat(components).isEqualTo(7);
  }

  @Test
  void descriptorNamesThePluginAndTheServerVersion() throws IOException {
    String descriptor =
        Files.readString(Path.of("src/main/plugin/stable-plugin-descriptor.properties"));

    assertThat(descriptor)
        .contains("name=govdata-analysis", "elasticsearch.version=${elasticsearch.version}");
  }
}
