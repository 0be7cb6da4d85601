package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every image the chart runs is built by a Dockerfile of this repository, as the chart expects. */
class ContainerImagesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyImageTheChartRunsHasADockerfile(ValueSet values) {
    Set<String> repositories = new TreeSet<>();
    Manifests manifests = Rendered.with(values);
    manifests.containers().stream()
        .map(Container::getImage)
        .forEach(i -> repositories.add(repo(i)));
    for (ConfigMap configMap : manifests.ofType(ConfigMap.class)) {
      String defaults = configMap.getData().getOrDefault("spark-defaults.conf", "");
      defaults
          .lines()
          .filter(line -> line.startsWith("spark.kubernetes.container.image "))
          .forEach(line -> repositories.add(repo(line.split("\\s+")[1])));
    }

    assertThat(repositories)
        .containsExactlyInAnyOrder(
            "govdata/catalog-service", "govdata/sql-gateway", "govdata/exchange-pipelines");
    for (String repository : repositories) {
      assertThat(Dockerfile.titled(repository)).as("Dockerfile for " + repository).isPresent();
    }
  }

  @Test
  void everyImageRunsAsTheNumericNonRootUserThePodsDeclare() {
    var platformImages =
        Dockerfile.all().stream().filter(d -> d.title().startsWith("govdata/")).toList();
    assertThat(platformImages).hasSizeGreaterThanOrEqualTo(4);
    for (Dockerfile dockerfile : platformImages) {
      assertThat(dockerfile.uid()).as(dockerfile.file() + " USER uid").isEqualTo(10001);
      assertThat(dockerfile.gid()).as(dockerfile.file() + " USER gid").isEqualTo(10001);
    }
    var pod =
        Rendered.with(ValueSet.defaults())
            .podSpecs()
            .get("Deployment/govdata-catalog")
            .getSecurityContext();
    assertThat(pod.getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getRunAsGroup()).isEqualTo(10001L);
  }

  @Test
  void theJarsTheChartStartsAreWhereTheImagesPutThem() throws IOException {
    assertJar("govdata/exchange-pipelines", SparkJobsTest.PIPELINE_JAR, "exchange-pipelines");
    assertJar("govdata/sql-gateway", "/opt/govdata/sql/sql-gateway.jar", "sql");
    // catalog-service copies its Spring Boot jar into a build stage that splits its layers.
    String catalog =
        Files.readString(Dockerfile.titled("govdata/catalog-service").orElseThrow().file());
    assertThat(catalog)
        .contains("COPY target/catalog-service-${VERSION}.jar")
        .contains("ARG VERSION=" + projectVersion());
  }

  @Test
  void theSparkImagesBuildOnTheRepositorysOwnSparkBase() {
    for (String image : new String[] {"govdata/exchange-pipelines", "govdata/sql-gateway"}) {
      String base = Dockerfile.titled(image).orElseThrow().baseImage();
      assertThat(Dockerfile.titled(repo(base))).as(image + " base " + base).isPresent();
    }
  }

  @Test
  void theSparkBaseCarriesTheSparkAndIcebergVersionsTheBuildCompilesAgainst() throws IOException {
    Dockerfile base = Dockerfile.titled("govdata/spark-base").orElseThrow();
    String text = Files.readString(base.file());

    assertThat(base.baseImage())
        .startsWith(
            "apache/spark:"
                + property("spark.version")
                + "-scala"
                + property("scala.binary.version")
                + "-java"
                + property("java.release"));
    assertThat(text).contains("ARG ICEBERG_VERSION=" + property("iceberg.version"));
  }

  private static void assertJar(String image, String jar, String module) throws IOException {
    Dockerfile dockerfile = Dockerfile.titled(image).orElseThrow();
    assertThat(dockerfile.copies()).containsKey(jar);
    String source = dockerfile.copies().get(jar);
    Path pom = Repository.root().resolve(module).resolve("pom.xml");
    String artifactId = "<artifactId>" + module + "</artifactId>";
    assertThat(Files.readString(pom)).contains(artifactId);
    assertThat(source).isEqualTo("target/" + module + "-" + projectVersion() + ".jar");
  }

  /** A version property of the root pom, where every version of the build lives. */
  static String property(String name) throws IOException {
    var matcher =
        java.util.regex.Pattern.compile("<" + java.util.regex.Pattern.quote(name) + ">([^<]+)<")
            .matcher(Files.readString(Repository.root().resolve("pom.xml")));
    assertThat(matcher.find()).as("root pom property " + name).isTrue();
    return matcher.group(1);
  }

  private static String projectVersion() throws IOException {
    var matcher =
        java.util.regex.Pattern.compile(
                "<artifactId>govdata-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Repository.root().resolve("pom.xml")));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  /** registry/name:tag to name, the way the chart composes images from values. */
  private static String repo(String image) {
    String withoutTag = image.replaceFirst(":[^:/]+$", "");
    String[] parts = withoutTag.split("/");
    return parts.length > 2 || (parts.length == 2 && parts[0].contains("."))
        ? withoutTag.substring(withoutTag.indexOf('/') + 1)
        : withoutTag;
  }
}
