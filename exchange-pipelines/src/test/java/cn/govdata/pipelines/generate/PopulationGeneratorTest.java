package cn.govdata.pipelines.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.codes.IdentityNumbers;
import cn.govdata.pipelines.generate.PopulationGenerator.Department;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationGeneratorTest {

  @TempDir Path directory;

  @Test
  void sameSeedWritesTheSameExtracts() throws IOException {
    Path first = directory.resolve("a");
    Path second = directory.resolve("b");
    new PopulationGenerator(7, 300).write(first, done -> {});
    new PopulationGenerator(7, 300).write(second, done -> {});
    for (Department department : Department.values()) {
      if (!department.extract().fileName().endsWith("xlsx")) {
        assertThat(Files.readAllBytes(first.resolve(department.extract().fileName())))
            .isEqualTo(Files.readAllBytes(second.resolve(department.extract().fileName())));
      }
    }
    assertThat(Files.readAllLines(first.resolve("truth.csv")))
        .isEqualTo(Files.readAllLines(second.resolve("truth.csv")));
  }

  @Test
  void truthCoversEveryRecordAndPeopleAppearInSeveralDepartments() throws IOException {
    PopulationGenerator.Summary summary =
        new PopulationGenerator(11, 2_000).write(directory, done -> {});
    List<String> truth = Files.readAllLines(summary.truth());
    assertThat(truth).hasSize((int) summary.totalRows() + 1);
    Map<String, Set<String>> sourcesPerEntity = new HashMap<>();
    Set<String> recordKeys = new HashSet<>();
    for (String line : truth.subList(1, truth.size())) {
      String[] cells = line.split(",");
      assertThat(recordKeys.add(cells[0] + "/" + cells[1])).as("unique record id").isTrue();
      sourcesPerEntity.computeIfAbsent(cells[2], k -> new HashSet<>()).add(cells[0]);
    }
    assertThat(sourcesPerEntity).hasSizeBetween(1_900, 2_000);
    double averageSources =
        sourcesPerEntity.values().stream().mapToInt(Set::size).average().orElseThrow();
    assertThat(averageSources).isBetween(1.8, 3.5);
    assertThat(summary.totalRows() / 2_000.0).isBetween(2.0, 3.5);
  }

  @Test
  void socialInsuranceIsGbkAndCarriesLegacyAndInvalidIdentityNumbers() throws IOException {
    new PopulationGenerator(3, 3_000).write(directory, done -> {});
    Path file = directory.resolve(Department.SOCIAL_INSURANCE.extract().fileName());
    List<String> lines = Files.readAllLines(file, Charset.forName("GBK"));
    assertThat(lines.get(0)).startsWith("个人编号,社会保障号码,姓名");
    int valid = 0;
    int legacy = 0;
    int invalid = 0;
    for (String line : lines.subList(1, lines.size())) {
      String id = line.split(",", -1)[1].replace(" ", "").toUpperCase(Locale.ROOT);
      if (id.length() == 15) {
        legacy++;
      } else if (IdentityNumbers.isValid(id)) {
        valid++;
      } else {
        invalid++;
      }
    }
    assertThat(valid).isGreaterThan(lines.size() * 3 / 4);
    assertThat(legacy).isPositive();
    assertThat(invalid).isPositive();
    // the same file is not valid UTF-8: a reader must be told its encoding
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("\uFFFD");
  }

  @Test
  void healthSpreadsheetHasTheHeaderAndOneRowPerRecord() throws IOException {
    PopulationGenerator.Summary summary =
        new PopulationGenerator(5, 500).write(directory, done -> {});
    try (InputStream in = Files.newInputStream(directory.resolve("health.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("证件号码");
      assertThat(sheet.getLastRowNum()).isEqualTo(summary.rows().get(Department.HEALTH).intValue());
    }
  }

  @Test
  void fullWidthCoversAsciiOnly() {
    assertThat(PopulationGenerator.fullWidth("佛山12号")).isEqualTo("佛山１２号");
  }
}
