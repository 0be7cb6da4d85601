package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/** The configuration files the chart renders into ConfigMaps are well-formed for their readers. */
class RenderedFilesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void sparkDefaultsAreSparkPropertiesOnePerLine(ValueSet values) {
    var files = Rendered.with(values).configMapFiles("spark-defaults.conf");
    assertThat(files).containsOnlyKeys("govdata-gateway", "govdata-pipelines");
    for (var file : files.entrySet()) {
      String defaults = file.getValue();
      assertThat(defaults.lines().filter(line -> !line.isBlank()))
          .as(file.getKey())
          .isNotEmpty()
          .allMatch(line -> line.matches("spark\\.[A-Za-z0-9_.\\-]+ \\S.*"), "key value");
      var keys = defaults.lines().map(line -> line.split(" ")[0]).toList();
      assertThat(keys).as("each property once").doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void rangerPluginConfigurationIsWellFormedXml(ValueSet values) {
    var files = Rendered.with(values).configMapFiles("ranger-govdata-security.xml");
    assertThat(files).containsOnlyKeys("govdata-catalog", "govdata-gateway");
    for (var file : files.entrySet()) {
      String xml = file.getValue();
      assertThatCode(
              () -> {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
              })
          .as(file.getKey())
          .doesNotThrowAnyException();
      assertThat(xml).contains("<name>ranger.plugin.govdata.service.name</name>");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void theCatalogConfigurationIsYamlWithTheDatabaseAndTheGateway(ValueSet values) {
    var configuration =
        Manifests.yaml(
            Rendered.with(values).configMapEntry("govdata-catalog", "application-kubernetes.yml"));

    assertThat(configuration.at("/spring/datasource/url").asText())
        .startsWith("jdbc:postgresql://");
    assertThat(configuration.at("/spring/datasource/password").isMissingNode()).isTrue();
    assertThat(configuration.at("/govdata/data-api/gateway-url").asText())
        .isEqualTo("jdbc:hive2://govdata-gateway:10000/default");
  }
}
