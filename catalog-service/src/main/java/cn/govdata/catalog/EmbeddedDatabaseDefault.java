package cn.govdata.catalog;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no {@code spring.datasource.url} is configured, points the service at the embedded H2 file
 * database under {@code govdata.home}, in PostgreSQL mode. H2 wants an absolute path, and the home
 * is often given relative to the working directory, hence code rather than a placeholder.
 */
public class EmbeddedDatabaseDefault implements EnvironmentPostProcessor {

  /** The H2 settings that make it accept the PostgreSQL dialect of the migrations. */
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (environment.containsProperty("spring.datasource.url")) {
      return;
    }
    Path home =
        Path.of(environment.getProperty("govdata.home", "var")).toAbsolutePath().normalize();
    String url = "jdbc:h2:file:" + home.resolve("catalog").resolve("catalog") + H2_OPTIONS;
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "govdata-embedded-database",
                Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "")));
  }
}
