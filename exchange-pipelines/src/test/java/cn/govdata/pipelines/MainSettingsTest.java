package cn.govdata.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which master a run takes: spark-submit's, unless the command line names another. */
class MainSettingsTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("spark.master");
    System.clearProperty("govdata.spark.master");
  }

  @Test
  void withoutAnyMasterARunIsLocal() {
    assertThat(Main.settings(Map.of()).master()).isEqualTo("local[*]");
  }

  @Test
  void aDriverStartedBySparkSubmitKeepsTheMasterItWasGiven() {
    // spark-submit sets spark.master as a system property of the driver JVM, in cluster mode too
    System.setProperty("spark.master", "k8s://https://kubernetes.default.svc:443");

    assertThat(Main.settings(Map.of("--home", "/var/lib/govdata/pipelines")).master())
        .isEqualTo("k8s://https://kubernetes.default.svc:443");
  }

  @Test
  void anExplicitMasterStillWins() {
    System.setProperty("spark.master", "k8s://https://kubernetes.default.svc:443");
    assertThat(Main.settings(Map.of("--master", "local[2]")).master()).isEqualTo("local[2]");

    System.setProperty("govdata.spark.master", "local[3]");
    assertThat(Main.settings(Map.of()).master()).isEqualTo("local[3]");
  }
}
