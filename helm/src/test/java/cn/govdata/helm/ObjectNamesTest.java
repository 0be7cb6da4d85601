package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names and labels stay within what the API server accepts even for a long release name, which the
 * typed model does not check.
 */
class ObjectNamesTest {

  private static final String LONG_RELEASE = "guangdong-provincial-government-data-node-production";
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.govdata.helm.ValueSet#all")
  void namesAndLabelsFitKubernetesLimitsForALongReleaseName(ValueSet values) {
    Manifests manifests = Manifests.parse(HelmChart.template(values, LONG_RELEASE));

    for (HasMetadata object : manifests.objects()) {
      String name = Manifests.name(object);
      String what = object.getKind() + " " + name;
      assertThat(name).as(what).hasSizeLessThanOrEqualTo(253).matches(DNS_SUBDOMAIN);
      assertLabels(what, object.getMetadata().getLabels());
    }
    for (Service service : manifests.ofType(Service.class)) {
      assertThat(Manifests.name(service)).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
    }
    // Their pods carry a controller-revision-hash label of name plus 11 characters.
    for (StatefulSet statefulSet : manifests.ofType(StatefulSet.class)) {
      assertThat(Manifests.name(statefulSet)).hasSizeLessThanOrEqualTo(52);
      assertLabels(
          Manifests.name(statefulSet),
          statefulSet.getSpec().getTemplate().getMetadata().getLabels());
    }
    // Their Jobs append an 11-character suffix to the 63-character limit.
    for (CronJob cronJob : manifests.ofType(CronJob.class)) {
      assertThat(Manifests.name(cronJob)).hasSizeLessThanOrEqualTo(52);
      assertLabels(
          Manifests.name(cronJob),
          cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels());
    }
    assertThat(manifests.ofType(CronJob.class).stream().map(Manifests::name))
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).startsWith("guangdong-provincial"));
  }

  private static void assertLabels(String what, Map<String, String> labels) {
    labels.forEach(
        (key, value) -> {
          assertThat(value)
              .as(what + " label " + key)
              .hasSizeLessThanOrEqualTo(63)
              .matches(LABEL_VALUE);
          String name = key.substring(key.indexOf('/') + 1);
          assertThat(name).as(what + " label key " + key).hasSizeLessThanOrEqualTo(63);
        });
  }
}
