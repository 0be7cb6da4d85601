package cn.govdata.governance.form;

import static cn.govdata.governance.form.DirectoryFormTest.header;
import static cn.govdata.governance.form.DirectoryFormTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.validation.FieldViolation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Forms as people really fill them in: title rows, typed cells, English headers, mistakes. */
class SpreadsheetInputTest {

  @Test
  void xlsxWithInstructionSheetTitleRowsNumericAndDateCellsIsRead() throws IOException {
    InformationResource expected =
        SampleResources.statistics().withPublishDate(LocalDate.of(2026, 3, 9));
    List<FormColumn> columns = FormColumn.of(ListKind.DIRECTORY);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet instructions = workbook.createSheet("填表说明");
      instructions.createRow(0).createCell(0).setCellValue("请按以下说明填写信息资源目录：");
      instructions.createRow(1).createCell(0).setCellValue("信息资源名称、提供方代码为必填项");
      Sheet sheet = workbook.createSheet("目录");
      sheet.createRow(0).createCell(0).setCellValue("佛山市政务信息资源目录（2026年版）");
      Row header = sheet.createRow(2);
      Row data = sheet.createRow(3);
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy年m月d日"));
      ListRow listRow = ListRow.of(expected);
      for (int i = 0; i < columns.size(); i++) {
        FormColumn column = columns.get(i);
        // English headers with a required-mark, as a bilingual template might have them.
        header.createCell(i).setCellValue(i % 2 == 0 ? column.english() + "*" : column.chinese());
        switch (column) {
          case REGION -> data.createCell(i).setCellValue(440600);
          case PUBLISH_DATE -> {
            data.createCell(i).setCellValue(LocalDate.of(2026, 3, 9));
            data.getCell(i).setCellStyle(dateStyle);
          }
          default -> {
            String value = ListCells.value(column, listRow, 1);
            if (!value.isEmpty()) {
              data.createCell(i).setCellValue(value);
            }
          }
        }
      }
      header.createCell(columns.size()).setCellValue("备注");
      workbook.write(bytes);
    }

    DirectoryFormReport report =
        DirectoryForm.read(
            new ByteArrayInputStream(bytes.toByteArray()), FormFormat.XLSX, FormLimits.defaults());

    assertThat(report.hasErrors()).as(report.toString()).isFalse();
    assertThat(report.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.rowNumber()).isEqualTo(4);
              assertThat(row.resource()).isEqualTo(expected);
            });
    assertThat(report.ignoredColumns()).containsExactly("备注");
    assertThat(report.encoding()).isNull();
  }

  @Test
  void aResourceCodeUsedTwiceIsAnErrorOfTheLaterRow() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InformationResource statistics = SampleResources.statistics();
    DirectoryForm.write(
        List.of(ListRow.of(statistics), ListRow.of(statistics.withPublishDate(null))),
        ListKind.DIRECTORY,
        FormFormat.CSV,
        out);
    DirectoryFormReport report =
        DirectoryForm.read(
            new ByteArrayInputStream(out.toByteArray()), FormFormat.CSV, FormLimits.defaults());
    assertThat(report.rows().get(0).isValid()).isTrue();
    assertThat(report.rows().get(1).violations())
        .extracting(FieldViolation::rule, FieldViolation::message)
        .containsExactly(
            tuple(
                "code.duplicate",
                "信息资源代码 (Resource code): resource code 104001001/000012 is already used in row 2"));
    assertThat(report.validCount()).isEqualTo(1);
    assertThat(report.errorCount()).isEqualTo(1);
  }

  @Test
  void onlyOpenResourcesBelongToABatch() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DirectoryForm.write(
        List.of(new ListRow(SampleResources.residents(), "2026-01", null, null)),
        ListKind.DIRECTORY,
        FormFormat.CSV,
        out);
    DirectoryFormReport report =
        DirectoryForm.read(
            new ByteArrayInputStream(out.toByteArray()), FormFormat.CSV, FormLimits.defaults());
    assertThat(report.rows().get(0).violations())
        .extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(tuple("开放批次 (Open batch)", "batch.requires-open"));
  }

  @Test
  void statusIsReadAsTheLifecycleConstant() {
    String csv =
        header()
            + ",状态\n"
            + row(
                "主题,01,公共服务,001,就业服务,,,招聘岗位,,佛山市人社局,"
                    + SampleResources.CREDIT_CODE
                    + ",440600,市级,摘要,接口,REST,岗位名称:字符型,无条件共享,,,接口服务,不予开放,,实时,,,,一般数据,L2,")
            + ",已退回\n";
    DirectoryFormReport report = readCsv(csv);
    assertThat(report.rows().get(0).violations()).isEmpty();
    assertThat(report.rows().get(0).status()).isEqualTo("RETURNED");
  }

  @Test
  void hugeCellIsRefused() {
    String csv = header() + "\n" + row("基础," + "1".repeat(40_000)) + "\n";
    assertThatThrownBy(() -> readCsv(csv))
        .isInstanceOfSatisfying(
            FormException.class,
            e -> {
              assertThat(e.rule()).isEqualTo("form.cell-too-long");
              assertThat(e.getMessage()).contains("row 2, column 3");
            });
  }

  @Test
  void duplicateHeaderIsRefused() {
    String csv = header() + ",信息资源名称\n";
    assertThatThrownBy(() -> readCsv(csv))
        .isInstanceOfSatisfying(
            FormException.class, e -> assertThat(e.rule()).isEqualTo("form.duplicate-header"));
  }

  private static DirectoryFormReport readCsv(String csv) {
    return DirectoryForm.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        FormFormat.CSV,
        FormLimits.defaults());
  }
}
