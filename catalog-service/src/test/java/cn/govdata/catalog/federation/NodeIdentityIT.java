package cn.govdata.catalog.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Each node answers who it is: its id, region, level, address and the key kept in its home. */
class NodeIdentityIT extends FederationSupport {

  @Test
  void eachNodeAnswersItsIdentityAndTheKeyKeptInItsHome() throws IOException {
    JsonNode node = call(foshan, "GET", "/api/v1/federation/node", null, null).json();
    assertThat(node.path("nodeId").asText()).isEqualTo("fs-city");
    assertThat(node.path("regionCode").asText()).isEqualTo("440600");
    assertThat(node.path("level").asText()).isEqualTo("CITY");
    assertThat(node.path("baseUrl").asText()).isEqualTo(foshan.baseUrl());
    assertThat(node.path("publicKey").asText())
        .isEqualTo(Files.readString(foshan.home().resolve("node/node-key.pem.pub")).strip());
    assertThat(node.path("certificatePem").isNull()).isTrue();
  }
}
