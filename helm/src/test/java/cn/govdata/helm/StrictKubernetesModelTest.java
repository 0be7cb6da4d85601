package cn.govdata.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The checker the chart tests rely on must itself reject what Kubernetes rejects. */
class StrictKubernetesModelTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: catalog
      spec:
        replicas: %s
        selector:
          matchLabels: {app: catalog}
        template:
          metadata:
            labels: {app: catalog}
          spec:
            containers:
              - name: catalog
                image: govdata/catalog-service:0.1.0
                %s
      """;

  @Test
  void readsAValidDeploymentIntoItsTypedModel() {
    var manifests = Manifests.parse(DEPLOYMENT.formatted("2", "imagePullPolicy: Always"));

    assertThat(manifests.ofType(Deployment.class))
        .singleElement()
        .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
  }

  @Test
  void rejectsAFieldKubernetesDoesNotKnow() {
    assertThatThrownBy(() -> Manifests.parse(DEPLOYMENT.formatted("2", "imagePullPolcy: Always")))
        .isInstanceOf(StrictKubernetesModel.InvalidManifestException.class)
        .hasMessageContaining("imagePullPolcy");
  }

  @Test
  void rejectsAValueOfTheWrongType() {
    assertThatThrownBy(() -> Manifests.parse(DEPLOYMENT.formatted("two", "")))
        .isInstanceOf(StrictKubernetesModel.InvalidManifestException.class)
        .hasMessageContaining("replicas");
  }

  @Test
  void rejectsAKindThatIsNeitherBuiltInNorExpected() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    """
                    apiVersion: sparkoperator.k8s.io/v1beta2
                    kind: SparkApplication
                    metadata: {name: population}
                    spec: {}
                    """))
        .isInstanceOf(StrictKubernetesModel.InvalidManifestException.class)
        .hasMessageContaining("SparkApplication");
  }
}
