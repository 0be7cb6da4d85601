package cn.govdata.governance.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.ShareType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoZoneTest {

  private static DirectoryFormReport report;
  private static String committedDirectory;
  private static String committedDepartments;

  @BeforeAll
  static void readCommittedDemo() throws IOException {
    if (Boolean.getBoolean("govdata.demo.regenerate")) {
      new DemoZoneGenerator().writeFiles(DemoZoneGenerator.OUTPUT);
    }
    committedDirectory = resource("/demo/directory.csv");
    committedDepartments = resource("/demo/departments.csv");
    try (InputStream in = DemoZoneTest.class.getResourceAsStream("/demo/directory.csv")) {
      report =
          DirectoryForm.read(
              in,
              FormFormat.CSV,
              FormLimits.defaults(),
              new DirectoryRules(Gb2260Regions.national()));
    }
  }

  @Test
  void committedFilesAreWhatTheGeneratorProduces() {
    DemoZoneGenerator generator = new DemoZoneGenerator();
    assertThat(committedDirectory)
        .as("regenerate with -Dgovdata.demo.regenerate=true")
        .isEqualTo(generator.directoryCsv());
    assertThat(committedDepartments).isEqualTo(generator.departmentsCsv());
  }

  @Test
  void directoryReadsWithoutViolations() {
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.violations()).isEmpty());
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.rows()).hasSizeBetween(180, 220);
    assertThat(report.encoding()).isEqualTo("UTF-8");
  }

  @Test
  void everyLifecycleStatusIsPresent() {
    assertThat(report.rows().stream().map(FormRow::status).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(LifecycleStatus.values()).map(Enum::name).toList());
  }

  @Test
  void coversTheFourBaseDatabasesThematicAndDepartmentalResources() {
    Set<String> baseItems =
        resources().stream()
            .filter(r -> r.classification().category() == ResourceCategory.BASIC)
            .map(r -> r.classification().itemName())
            .collect(Collectors.toSet());
    assertThat(baseItems).contains("人口", "法人", "自然资源和空间地理", "宏观经济");
    assertThat(resources().stream().map(r -> r.classification().category()))
        .contains(ResourceCategory.values());
    assertThat(resources().stream().map(r -> r.share().type())).contains(ShareType.values());
    assertThat(resources().stream().map(r -> r.open().type())).contains(OpenType.values());
  }

  @Test
  void publishedOpenEntriesAreSplitAcrossTwoBatches() {
    Map<String, Long> perBatch =
        report.rows().stream()
            .filter(row -> row.batch() != null)
            .collect(Collectors.groupingBy(FormRow::batch, Collectors.counting()));
    assertThat(perBatch.keySet()).containsExactlyInAnyOrderElementsOf(DemoZoneGenerator.BATCHES);
    assertThat(perBatch.values()).allSatisfy(count -> assertThat(count).isGreaterThan(10));
    assertThat(report.rows())
        .filteredOn(row -> row.batch() != null)
        .allSatisfy(
            row -> {
              assertThat(row.status()).isEqualTo(LifecycleStatus.PUBLISHED.name());
              assertThat(row.resource().isOpen()).isTrue();
            });
  }

  @Test
  void everyProviderIsADemoDepartment() {
    Map<String, String> creditCodeByName =
        committedDepartments
            .lines()
            .skip(1)
            .map(line -> line.split(","))
            .collect(Collectors.toMap(cells -> cells[1], cells -> cells[2]));
    assertThat(creditCodeByName).hasSize(18);
    assertThat(creditCodeByName.values())
        .allSatisfy(code -> assertThat(CreditCodes.isValid(code)).isTrue());
    assertThat(resources())
        .allSatisfy(
            r ->
                assertThat(r.provider().creditCode())
                    .isEqualTo(creditCodeByName.get(r.provider().name())));
    Map<String, Long> perProvider =
        resources().stream()
            .collect(Collectors.groupingBy(r -> r.provider().name(), Collectors.counting()));
    assertThat(perProvider).hasSize(18);
  }

  @Test
  void resourceCodesAreUniqueAndRelatedCodesExist() {
    Map<String, InformationResource> byCode =
        resources().stream()
            .collect(Collectors.toMap(r -> r.code().toString(), Function.identity()));
    assertThat(byCode).hasSize(resources().size());
    assertThat(resources().stream().flatMap(r -> r.relatedCodes().stream()))
        .isNotEmpty()
        .allSatisfy(code -> assertThat(byCode).containsKey(code.toString()));
  }

  private static List<InformationResource> resources() {
    return report.rows().stream().map(FormRow::resource).toList();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = DemoZoneTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
