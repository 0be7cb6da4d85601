package cn.govdata.catalog.portal;

import cn.govdata.search.local.LocalElasticsearch;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application the portal's integration tests share (one context per JVM): the demo zone in a
 * fresh embedded database, searching a real local Elasticsearch (the search module's runner).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "govdata.demo.enabled=true")
abstract class PortalContext {

  /** The demo accounts' password, documented in docs/demo.md. */
  static final String DEMO_PASSWORD = "govdata-demo";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalElasticsearch node = LocalElasticsearch.shared();
    registry.add("govdata.search.url", () -> node.url().toString());
    registry.add("govdata.search.alias", () -> "portal-it-" + UUID.randomUUID());
    registry.add("govdata.home", () -> "target/it-home/portal-" + UUID.randomUUID());
  }
}
