package cn.govdata.catalog.application;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Applications on the embedded default: an H2 file database under govdata.home. */
class H2ApplicationApiIT extends AbstractApplicationApiIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("govdata.home", () -> "target/it-home/" + UUID.randomUUID());
  }
}
