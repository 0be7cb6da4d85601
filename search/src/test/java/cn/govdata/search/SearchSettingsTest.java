package cn.govdata.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.validation.InvalidFieldException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSettingsTest {

  private static final URI HTTPS = URI.create("https://es-http.search.svc:9200");

  @TempDir Path directory;

  @Test
  void defaultsPointAtTheLocalNode() {
    assertThat(SearchSettings.defaults().url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
    assertThat(SearchSettings.defaults().alias()).isEqualTo("govdata-catalog");
    assertThat(SearchSettings.defaults().hasCredentials()).isFalse();
    assertThat(SearchSettings.defaults().caCertificate()).isNull();
  }

  @Test
  void rejectsAnAliasElasticsearchWouldRefuse() {
    assertThatThrownBy(() -> new SearchSettings(SearchSettings.DEFAULT_URL, "Catalog"))
        .hasMessageContaining("search alias");
  }

  @Test
  void rejectsANonHttpUrl() {
    assertThatThrownBy(() -> new SearchSettings(URI.create("ftp://x"), "a"))
        .hasMessageContaining("http or https");
  }

  @Test
  void rejectsCredentialsInTheUrl() {
    assertThatThrownBy(() -> new SearchSettings(URI.create("https://elastic:pw@es:9200"), "a"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("search url must not carry credentials")
        .hasMessageNotContaining("pw");
  }

  @Test
  void aUsernameWithoutAPasswordNamesThePassword() {
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", "elastic", null, null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> {
              assertThat(e.violations().get(0).field()).isEqualTo("password");
              assertThat(e.violations().get(0).rule()).isEqualTo("search.credentials.incomplete");
            })
        .hasMessageContaining("search password is not set, but the search username (elastic) is");
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", "elastic", "", null))
        .hasMessageContaining("search password is not set");
  }

  @Test
  void aPasswordWithoutAUsernameNamesTheUsername() {
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", " ", "s3cret", null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("username"))
        .hasMessageContaining("search username is not set, but the search password is")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void blankCredentialsCountAsNone() {
    SearchSettings settings = new SearchSettings(HTTPS, "a", "", "", null);
    assertThat(settings.hasCredentials()).isFalse();
    assertThat(settings.username()).isNull();
    assertThat(settings.password()).isNull();
  }

  @Test
  void toStringShowsTheUserButNeverThePassword() {
    SearchSettings settings = new SearchSettings(HTTPS, "a", "elastic", "s3cret-检索", null);
    assertThat(settings.toString())
        .contains("username=elastic")
        .contains("password=(hidden)")
        .doesNotContain("s3cret");
  }

  @Test
  void aMissingCaFileIsNamed() {
    Path missing = directory.resolve("ca.crt");
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", null, null, missing))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> {
              assertThat(e.violations().get(0).field()).isEqualTo("ca-certificate");
              assertThat(e.violations().get(0).rule()).isEqualTo("search.ca-certificate.missing");
            })
        .hasMessageContaining("search CA certificate " + missing + " does not exist");
  }

  @Test
  void aCaFileThatIsNotAPemCertificateIsNamed() throws Exception {
    Path key = Files.writeString(directory.resolve("ca.key"), "-----BEGIN PRIVATE KEY-----\n");
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", null, null, key))
        .hasMessageContaining("search CA certificate " + key + " is not a PEM certificate")
        .hasMessageContaining("search.ca-certificate.not-pem");

    Path broken =
        Files.writeString(
            directory.resolve("broken.crt"),
            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
            StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", null, null, broken))
        .hasMessageContaining("search CA certificate " + broken + " is not a PEM certificate");

    Path binary = Files.write(directory.resolve("ca.der"), new byte[] {0x30, (byte) 0x82, 1, 2});
    assertThatThrownBy(() -> new SearchSettings(HTTPS, "a", null, null, binary))
        .hasMessageContaining("search CA certificate " + binary + " is not a PEM certificate");
  }

  @Test
  void aPemCaFileIsAccepted() throws Exception {
    Path pem = TestAuthority.create(directory, "zone").pemFile();
    SearchSettings settings = new SearchSettings(HTTPS, "a", "elastic", "s3cret", pem);
    assertThat(settings.caCertificate()).isEqualTo(pem);
    assertThat(SearchTls.readCertificates(pem)).hasSize(1);
  }
}
