package cn.govdata.helm;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths inside the repository the tests read: the chart and the services' build files. */
final class Repository {

  private Repository() {}

  /** The repository root; Surefire passes it, an IDE run from the module falls back to "..". */
  static Path root() {
    String configured = System.getProperty("govdata.repository.root");
    Path root = Path.of(configured != null ? configured : "..").toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("helm/govdata"))) {
      throw new IllegalStateException("not the govdata repository root: " + root);
    }
    return root;
  }

  static Path chart() {
    return root().resolve("helm/govdata");
  }
}
