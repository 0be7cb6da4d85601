package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartLintTest {

  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void chartLintsStrictlyWithoutWarnings(ValueSet values) {
    LintResult result = HelmChart.lint(values, work);

    assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void everyRenderedObjectIsAValidKubernetesObject(ValueSet values) {
    // Manifests.render reads each object strictly: a wrong type or an unknown field throws.
    Manifests manifests = Rendered.with(values);

    assertThat(manifests.objects()).hasSizeGreaterThan(15);
    assertThat(manifests.objects())
        .allSatisfy(object -> assertThat(object.getMetadata().getName()).isNotBlank());
  }
}
