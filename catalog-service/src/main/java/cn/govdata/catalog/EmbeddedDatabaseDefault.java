package cn.govdata.catalog;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * When no {@code spring.datasource.url} is configured, the service uses the embedded H2 file
 * database under {@code govdata.home}, in PostgreSQL mode so that one set of migrations serves
 * both. H2 wants an absolute path and the home is often relative, hence code, not a placeholder.
 */
@Configuration
class EmbeddedDatabaseDefault {

  /** The H2 settings that make it accept the PostgreSQL dialect of the migrations. */
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  // replaces the auto-configured properties bean, which Boot registers regardless
  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource")
  DataSourceProperties dataSourceProperties(GovdataProperties govdata) {
    return new DefaultingProperties(govdata.home());
  }

  static String h2Url(Path home) {
    return "jdbc:h2:file:"
        + home.toAbsolutePath().normalize().resolve("catalog").resolve("catalog")
        + H2_OPTIONS;
  }

  private static final class DefaultingProperties extends DataSourceProperties {
    private final Path home;

    DefaultingProperties(Path home) {
      this.home = home;
    }

    @Override
    public String determineUrl() {
      return getUrl() == null ? h2Url(home) : super.determineUrl();
    }

    @Override
    public String determineUsername() {
      return getUrl() == null && getUsername() == null ? "sa" : super.determineUsername();
    }
  }
}
