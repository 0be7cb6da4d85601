package cn.govdata.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code govdata.*} settings of the directory service.
 *
 * @param home where the node keeps its files; the embedded H2 database lives under {@code
 *     home/catalog} unless {@code spring.datasource.url} points elsewhere
 * @param demo the demo zone
 * @param api limits of the REST API
 * @param imports limits of the bulk import of directory forms
 * @param security password hashing
 */
@Validated
@ConfigurationProperties("govdata")
public record GovdataProperties(
    @NotNull @DefaultValue("var") Path home,
    @Valid @DefaultValue Demo demo,
    @Valid @DefaultValue Api api,
    @Valid @DefaultValue Imports imports,
    @Valid @DefaultValue Security security) {

  /**
   * @param enabled load the demo zone (佛山市: departments, accounts, about 200 entries) on start when
   *     the directory is empty
   */
  public record Demo(@DefaultValue("false") boolean enabled) {}

  /**
   * @param maxBodySize the largest request body the API reads, except multipart uploads
   * @param maxPageSize the largest page a list endpoint returns
   */
  public record Api(
      @NotNull @DefaultValue("1MB") DataSize maxBodySize,
      @Min(1) @Max(10_000) @DefaultValue("200") int maxPageSize) {}

  /**
   * @param maxFileSize the largest directory form a department may upload
   * @param maxRows the most entries one form may hold
   */
  public record Imports(
      @NotNull @DefaultValue("5MB") DataSize maxFileSize,
      @Min(1) @DefaultValue("2000") int maxRows) {}

  /**
   * @param bcryptStrength the BCrypt cost factor of staff passwords (4 to 31)
   * @param initialAdminPassword the password of the {@code admin} account created when the service
   *     starts without any administrator; when blank a random one is generated and written to
   *     {@code home/initial-admin-password}
   */
  public record Security(
      @Min(4) @Max(31) @DefaultValue("10") int bcryptStrength, String initialAdminPassword) {}
}
