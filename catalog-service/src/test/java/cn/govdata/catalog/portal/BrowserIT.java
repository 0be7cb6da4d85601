package cn.govdata.catalog.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks the portal and the console in headless Chromium (Debian's chromium and chromium-driver,
 * installed by {@code src/test/browser/install-chromium.sh}), saving a screenshot of every step
 * under {@code target/screenshots/}.
 */
class BrowserIT extends PortalContext {

  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Path DOWNLOADS = Path.of("target/browser-downloads").toAbsolutePath();
  private static ChromeDriver browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    Map<String, String> tools = installChromium();
    Files.createDirectories(SCREENSHOTS);
    Files.createDirectories(DOWNLOADS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(tools.get("chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("govdata-chromium"));
    Map<String, Object> preferences = new HashMap<>();
    preferences.put("download.default_directory", DOWNLOADS.toString());
    preferences.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", preferences);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(tools.get("chromedriver")).toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void homeSearchFacetDatasetDownload() throws Exception {
    browser.get(url("/"));
    shot("01-home");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("开放数据");

    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("人口");
    box.submit();
    waitFor(() -> browser.getCurrentUrl().contains("/search"));
    shot("02-results");
    assertThat(browser.findElements(By.cssSelector("li.hit"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("li.hit em"))).isNotEmpty();

    WebElement facet =
        browser.findElement(By.cssSelector("aside.facets a[href*='openType:UNCONDITIONAL']"));
    facet.click();
    waitFor(() -> browser.getCurrentUrl().contains("openType"));
    shot("03-facet");
    assertThat(browser.findElement(By.cssSelector("aside.facets a.active")).getText())
        .contains("无条件开放");

    browser.findElement(By.cssSelector("li.hit h3 a")).click();
    waitFor(() -> browser.getCurrentUrl().matches(".*/dataset/\\d+$"));
    shot("04-dataset");
    assertThat(browser.findElement(By.id("downloads-heading")).isDisplayed()).isTrue();

    browser.findElement(By.id("download-csv")).click();
    waitFor(() -> csvDownloads().findAny().isPresent());
    Path csv = csvDownloads().findFirst().orElseThrow();
    assertThat(Files.readString(csv)).contains("信息项名称");
    shot("05-downloaded");

    browser.get(url("/?lang=en"));
    shot("06-home-english");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("open data");
    browser.get(url("/?lang=zh_CN"));
  }

  @Test
  void consoleReviewThenApprove() throws Exception {
    browser.get(url("/console"));
    waitFor(() -> browser.getCurrentUrl().contains("/login"));
    browser.findElement(By.id("username")).sendKeys("reviewer");
    browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
    shot("10-login");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(() -> browser.getCurrentUrl().contains("/console"));
    shot("11-review-queue");
    List<WebElement> approve = browser.findElements(By.cssSelector("button[id^=approve-]"));
    assertThat(approve).isNotEmpty();
    String id = approve.get(0).getAttribute("id");
    approve.get(0).click();
    waitFor(() -> !browser.findElements(By.cssSelector("p.notice")).isEmpty());
    shot("12-approved");
    assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("Approved");
    assertThat(browser.findElements(By.id(id))).isEmpty();
    browser.get(url("/console/audit"));
    shot("13-audit");
    assertThat(browser.getPageSource()).contains("APPROVED");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static Stream<Path> csvDownloads() {
    try {
      return Files.list(DOWNLOADS).filter(p -> p.toString().endsWith(".csv"));
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
  }

  private static void shot(String name) throws IOException {
    Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        file,
        SCREENSHOTS.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs the install script (which installs only when missing) and reads the paths it prints. */
  private static Map<String, String> installChromium() throws Exception {
    Path script = Path.of("src/test/browser/install-chromium.sh");
    Process process =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("install-chromium.sh failed:\n" + output);
    }
    Map<String, String> tools = new HashMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0 && (line.startsWith("chromium=") || line.startsWith("chromedriver="))) {
        tools.put(line.substring(0, equals), line.substring(equals + 1).strip());
      }
    }
    return tools;
  }
}
