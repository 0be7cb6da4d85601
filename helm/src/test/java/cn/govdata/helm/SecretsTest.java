package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Credentials given as values reach pods only through Secrets. */
class SecretsTest {

  // Keys whose values are credentials; names of Secrets and of keys inside them are not.
  private static final Pattern CREDENTIAL_KEY =
      Pattern.compile("password|secretAccessKey|accessKeyId|key|crt|ca");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void inlineCredentialsLandInSecretsAndNowhereElse(ValueSet values) throws IOException {
    List<String> credentials = values.overrides() == null ? List.of() : credentialsIn(values);
    Manifests manifests = Rendered.with(values);

    String secrets =
        manifests.ofType(Secret.class).stream()
            .map(secret -> String.valueOf(secret.getStringData()) + secret.getData())
            .reduce("", String::concat);
    String configMaps =
        manifests.ofType(ConfigMap.class).stream()
            .map(configMap -> String.valueOf(configMap.getData()))
            .reduce("", String::concat);
    String plainEnvironment =
        manifests.containers().stream()
            .flatMap(container -> container.getEnv().stream())
            .map(EnvVar::getValue)
            .filter(java.util.Objects::nonNull)
            .reduce("", String::concat);

    for (String credential : credentials) {
      assertThat(secrets).as("a Secret holds it").contains(credential);
      assertThat(configMaps).as("no ConfigMap holds it").doesNotContain(credential);
      assertThat(plainEnvironment).as("no plain env value holds it").doesNotContain(credential);
    }
  }

  @Test
  void theSmallZoneSetActuallyCarriesInlineCredentials() throws IOException {
    // Guards the test above against checking nothing.
    assertThat(credentialsIn(ValueSet.named("small-zone-values.yaml"))).hasSizeGreaterThan(3);
    assertThat(credentialsIn(ValueSet.named("province-node-values.yaml")))
        .contains("placeholder-private-key-0d9e");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void credentialVariablesAreReadFromSecrets(ValueSet values) {
    List<EnvVar> credentialVariables =
        Rendered.with(values).containers().stream()
            .flatMap(container -> container.getEnv().stream())
            .filter(env -> env.getName().matches(".*(PASSWORD|SECRET|ACCESS_KEY).*"))
            .toList();

    assertThat(credentialVariables).isNotEmpty();
    assertThat(credentialVariables)
        .allSatisfy(
            env -> {
              assertThat(env.getValue()).as(env.getName()).isNull();
              assertThat(env.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
            });
  }

  private static List<String> credentialsIn(ValueSet values) throws IOException {
    List<String> found = new ArrayList<>();
    collect(HelmChart.readYaml(values.overrides()), found);
    return found;
  }

  private static void collect(Object node, List<String> found) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if (value instanceof String text
                && !text.isBlank()
                && CREDENTIAL_KEY.matcher(String.valueOf(key)).matches()) {
              found.add(text.strip().lines().skip(1).findFirst().orElse(text.strip()));
            } else {
              collect(value, found);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collect(item, found));
    }
  }
}
