package cn.govdata.governance.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.directory.DirectoryRules;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.validation.FieldViolation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DirectoryFormTest {

  private static final List<InformationResource> RESOURCES =
      List.of(SampleResources.residents(), SampleResources.statistics(), SampleResources.secret());

  @ParameterizedTest
  @EnumSource(FormFormat.class)
  void writtenDirectoryReadsBackAsEqualResources(FormFormat format) {
    List<ListRow> rows =
        List.of(
            ListRow.of(RESOURCES.get(0)),
            new ListRow(RESOURCES.get(1), "2026-01", LocalDate.of(2026, 1, 15), null),
            ListRow.of(RESOURCES.get(2)));

    DirectoryFormReport report =
        DirectoryForm.read(
            new ByteArrayInputStream(write(rows, ListKind.DIRECTORY, format)),
            format,
            FormLimits.defaults());

    assertThat(report.hasErrors()).as(report.toString()).isFalse();
    assertThat(report.rows()).extracting(FormRow::resource).containsExactlyElementsOf(RESOURCES);
    assertThat(report.rows()).extracting(FormRow::rowNumber).containsExactly(2, 3, 4);
    assertThat(report.rows()).extracting(FormRow::batch).containsExactly(null, "2026-01", null);
    assertThat(report.validCount()).isEqualTo(3);
  }

  @Test
  void csvIsWrittenAsUtf8WithByteOrderMark() {
    byte[] csv = write(List.of(ListRow.of(RESOURCES.get(0))), ListKind.SHARED_LIST, FormFormat.CSV);
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains("共享类型", "有条件共享", "佛山市户籍人口基本信息").doesNotContain("开放类型");
  }

  @Test
  void csvCellsThatLookLikeFormulasAreDefusedAndReadBack() {
    InformationResource formula =
        new InformationResource(
            null,
            RESOURCES.get(1).classification(),
            "=HYPERLINK(\"http://example.invalid\",\"点击\")",
            RESOURCES.get(1).provider(),
            "-1 表示缺失；@说明",
            RESOURCES.get(1).format(),
            RESOURCES.get(1).items(),
            RESOURCES.get(1).share(),
            RESOURCES.get(1).open(),
            RESOURCES.get(1).updateCycle(),
            null,
            List.of(),
            List.of("+86"),
            RESOURCES.get(1).grade());
    byte[] csv = write(List.of(ListRow.of(formula)), ListKind.DIRECTORY, FormFormat.CSV);
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .contains("\"'=HYPERLINK(", "'-1 表示缺失", "'+86")
        .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
    DirectoryFormReport report =
        DirectoryForm.read(new ByteArrayInputStream(csv), FormFormat.CSV, FormLimits.defaults());
    assertThat(report.rows().get(0).resource()).isEqualTo(formula);
  }

  @Test
  void xlsxListHasNamedSheetBoldFrozenHeader() throws IOException {
    byte[] xlsx =
        write(
            List.of(new ListRow(RESOURCES.get(1), "2026-02", LocalDate.of(2026, 2, 1), null)),
            ListKind.OPEN_LIST,
            FormFormat.XLSX);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("开放清单");
      assertThat(sheet).isNotNull();
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("序号");
      assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      List<String> headers = cells(header);
      assertThat(headers).contains("开放类型", "开放批次", "计划开放日期").doesNotContain("共享类型");
      List<String> values = cells(sheet.getRow(1));
      assertThat(values.get(headers.indexOf("开放批次"))).isEqualTo("2026-02");
      assertThat(values.get(headers.indexOf("计划开放日期"))).isEqualTo("2026-02-01");
    }
  }

  @Test
  void rowWithSeveralErrorsReportsAllOfThem() {
    String csv =
        header()
            + "\n"
            + row(
                "基础信息资源类,1,人口,001,户籍人口,,,,,佛山市公安局,"
                    + SampleResources.CREDIT_CODE
                    + ",440600,地级,摘要,数据库,,姓名:文本型,有条件共享,,,接口服务,随便开放,,每日,2025-13-01,,,一般数据,L1");
    DirectoryFormReport report = read(csv, FormFormat.CSV);

    assertThat(report.hasErrors()).isTrue();
    FormRow row = report.rows().get(0);
    assertThat(row.resource()).isNull();
    assertThat(row.violations())
        .extracting(FieldViolation::field, FieldViolation::rule)
        .contains(
            org.assertj.core.groups.Tuple.tuple("项代码 (Item code)", "digits"),
            org.assertj.core.groups.Tuple.tuple("信息资源名称 (Resource name)", "required"),
            org.assertj.core.groups.Tuple.tuple("行政层级 (Administrative level)", "enum"),
            org.assertj.core.groups.Tuple.tuple("信息项 (Information items)", "enum"),
            org.assertj.core.groups.Tuple.tuple(
                "共享条件 (Share conditions)", "share.conditions-required"),
            org.assertj.core.groups.Tuple.tuple("开放类型 (Open type)", "enum"),
            org.assertj.core.groups.Tuple.tuple("发布日期 (Publish date)", "date.format"));
    assertThat(row.violations()).allSatisfy(v -> assertThat(v.message()).startsWith(v.field()));
  }

  @Test
  void openingRulesOfTheModelAreReportedOnTheOpenColumn() {
    String csv =
        header()
            + "\n"
            + row(
                "基础,01,人口,001,户籍人口,,,户籍人口,,佛山市公安局,"
                    + SampleResources.CREDIT_CODE
                    + ",440600,市级,摘要,数据库,,公民身份号码:字符型:18:身份证号码,无条件共享,,,接口服务,无条件开放,,每日,,,,一般数据,L1");
    FormRow row = read(csv, FormFormat.CSV).rows().get(0);
    assertThat(row.violations())
        .extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "信息项 (Information items)", "open.no-personal-information"));
  }

  @Test
  void directoryRulesCheckCreditCodeAndRegionWhenGiven() {
    String csv =
        header()
            + "\n"
            + row(
                "基础,01,人口,001,户籍人口,,,户籍人口,,佛山市公安局,"
                    + SampleResources.CREDIT_CODE.substring(0, 17)
                    + "0,449999,市级,摘要,数据库,,姓名:字符型,无条件共享,,,接口服务,不予开放,,每日,,,,一般数据,L2");
    DirectoryFormReport withoutRules = read(csv, FormFormat.CSV);
    assertThat(withoutRules.hasErrors()).isFalse();

    DirectoryFormReport withRules =
        DirectoryForm.read(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            FormFormat.CSV,
            FormLimits.defaults(),
            new DirectoryRules(Gb2260Regions.national()));
    assertThat(withRules.rows().get(0).violations())
        .extracting(FieldViolation::field, FieldViolation::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "提供方代码 (Provider credit code)", "credit-code.check-character"),
            org.assertj.core.groups.Tuple.tuple("行政区划代码 (Region code)", "region.unknown"));
  }

  @Test
  void missingHeadersAreNamed() {
    String csv = "信息资源名称,信息资源提供方,信息资源摘要\n名称,提供方,摘要\n";
    assertThatThrownBy(() -> read(csv, FormFormat.CSV))
        .isInstanceOf(FormException.class)
        .hasMessageContaining("共享类型 (Share type)")
        .hasMessageContaining("信息项 (Information items)")
        .extracting(e -> ((FormException) e).rule())
        .isEqualTo("form.header-missing");
  }

  @Test
  void corruptXlsxIsRefused() {
    byte[] xlsx = write(List.of(ListRow.of(RESOURCES.get(0))), ListKind.DIRECTORY, FormFormat.XLSX);
    byte[] truncated = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
    assertRefused(truncated, FormFormat.XLSX, "form.not-xlsx");
    assertRefused("序号,名称\n".getBytes(StandardCharsets.UTF_8), FormFormat.XLSX, "form.not-xlsx");
  }

  @Test
  void zipBombIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(" ".repeat(20_000_000).getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    assertRefused(bytes.toByteArray(), FormFormat.XLSX, "form.zip-bomb");
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing() {
    byte[] csv = (header() + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                DirectoryForm.read(
                    new ByteArrayInputStream(csv),
                    FormFormat.CSV,
                    new FormLimits(csv.length - 1, 10)))
        .isInstanceOf(FormException.class)
        .extracting(e -> ((FormException) e).rule())
        .isEqualTo("form.too-large");
  }

  @Test
  void tooManyRowsAreRefused() {
    List<ListRow> rows = List.of(ListRow.of(RESOURCES.get(1)), ListRow.of(RESOURCES.get(2)));
    for (FormFormat format : FormFormat.values()) {
      byte[] file = write(rows, ListKind.DIRECTORY, format);
      assertThatThrownBy(
              () ->
                  DirectoryForm.read(
                      new ByteArrayInputStream(file), format, new FormLimits(1_000_000, 1)))
          .isInstanceOf(FormException.class)
          .extracting(e -> ((FormException) e).rule())
          .isEqualTo("form.too-many-rows");
    }
  }

  @Test
  void gbkCsvIsDetectedAndRead() {
    String csv =
        new String(
            write(List.of(ListRow.of(RESOURCES.get(0))), ListKind.DIRECTORY, FormFormat.CSV),
            StandardCharsets.UTF_8);
    byte[] gbk = csv.substring(1).getBytes(Charset.forName("GBK"));
    DirectoryFormReport report =
        DirectoryForm.read(new ByteArrayInputStream(gbk), FormFormat.CSV, FormLimits.defaults());
    assertThat(report.encoding()).isEqualTo("GBK");
    assertThat(report.rows().get(0).resource()).isEqualTo(RESOURCES.get(0));
    assertThat(read(csv.substring(1), FormFormat.CSV).encoding()).isEqualTo("UTF-8");
  }

  @Test
  void csvInAnotherEncodingIsRefused() {
    byte[] latin = header().getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[latin.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(latin, 0, withBom, 2, latin.length);
    assertRefused(withBom, FormFormat.CSV, "form.encoding");
    assertRefused(
        new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'}, FormFormat.CSV, "form.encoding");
  }

  @Test
  void raggedCsvIsRefusedNamingTheRow() {
    String csv = header() + "\n" + row("基础,01,人口") + "\n" + "3,基础,01,人口\n";
    assertThatThrownBy(() -> read(csv, FormFormat.CSV))
        .isInstanceOf(FormException.class)
        .hasMessageContaining("row 3")
        .extracting(e -> ((FormException) e).rule())
        .isEqualTo("form.ragged-row");
  }

  @Test
  void headerOnlyFormReportsNoRows() {
    DirectoryFormReport report = read(header() + "\n", FormFormat.CSV);
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.fileErrors())
        .extracting(FieldViolation::rule)
        .containsExactly("form.no-rows");
  }

  @Test
  void formatFollowsTheFileName() {
    assertThat(FormFormat.fromFilename("目录.XLSX")).isEqualTo(FormFormat.XLSX);
    assertThat(FormFormat.fromFilename("list.csv")).isEqualTo(FormFormat.CSV);
    assertThatThrownBy(() -> FormFormat.fromFilename("old.xls")).isInstanceOf(FormException.class);
  }

  private static void assertRefused(byte[] bytes, FormFormat format, String rule) {
    assertThatThrownBy(
            () ->
                DirectoryForm.read(new ByteArrayInputStream(bytes), format, FormLimits.defaults()))
        .isInstanceOf(FormException.class)
        .extracting(e -> ((FormException) e).rule())
        .isEqualTo(rule);
  }

  /** The directory form's header, every column but the status. */
  static String header() {
    return String.join(
        ",", FormColumn.of(ListKind.DIRECTORY).stream().map(FormColumn::chinese).toList());
  }

  /** A data row: the given values after the sequence number, padded to the header's width. */
  static String row(String valuesAfterSequence) {
    int width = FormColumn.of(ListKind.DIRECTORY).size();
    StringBuilder row = new StringBuilder("1," + valuesAfterSequence);
    long commas = row.chars().filter(c -> c == ',').count();
    for (long i = commas; i < width - 1; i++) {
      row.append(',');
    }
    return row.toString();
  }

  private static DirectoryFormReport read(String text, FormFormat format) {
    return DirectoryForm.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        format,
        FormLimits.defaults());
  }

  private static byte[] write(List<ListRow> rows, ListKind kind, FormFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DirectoryForm.write(rows, kind, format, out);
    return out.toByteArray();
  }

  private static List<String> cells(Row row) {
    List<String> values = new java.util.ArrayList<>();
    row.forEach(cell -> values.add(cell.getStringCellValue()));
    return values;
  }
}
