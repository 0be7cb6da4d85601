package cn.govdata.catalog.directory;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The directory API on the embedded default: an H2 file database under govdata.home. */
class H2DirectoryApiIT extends AbstractDirectoryApiIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // no datasource URL: the default H2 file database under a fresh govdata.home
    registry.add("govdata.home", () -> "target/it-home/" + UUID.randomUUID());
  }
}
