package cn.govdata.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.pipelines.SharedSpark;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad department extracts: rejected rows are counted with their reason, bad files refused. */
class SourceReaderIT {

  @TempDir Path directory;

  private final SourceReader reader = new SourceReader(SharedSpark.session());

  private static SourceMapping mapping(String file, String format, String encoding) {
    return new SourceMapping(
        "sample",
        "测试局",
        file,
        format,
        encoding,
        1,
        "编号",
        null,
        Map.of("姓名", "name", "身份证号", "id_number"),
        Map.of());
  }

  @Test
  void raggedCsvRowsAreKeptAsRejectedWithTheReason() throws IOException {
    Files.writeString(
        directory.resolve("sample.csv"),
        "编号,姓名,身份证号\nA1,张三,440605198503121234\nA2,李四\nA3,王五,440605198503121234,多余\n",
        StandardCharsets.UTF_8);
    Dataset<Row> rows = reader.read(directory, mapping("sample.csv", "csv", "UTF-8")).cache();
    assertThat(rows.count()).isEqualTo(3);
    assertThat(rows.filter("rejected = 'csv.ragged-row'").count()).isEqualTo(2);
    Row good = rows.filter("record_id = 'A1'").first();
    assertThat(good.getString(good.fieldIndex("name"))).isEqualTo("张三");
    assertThat(good.isNullAt(good.fieldIndex("rejected"))).isTrue();
  }

  @Test
  void gbkFileDeclaredAsUtf8IsRefused() throws IOException {
    Files.writeString(
        directory.resolve("sample.csv"), "编号,姓名,身份证号\nA1,张三,1\n", Charset.forName("GBK"));
    assertThatThrownBy(() -> reader.read(directory, mapping("sample.csv", "csv", "UTF-8")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not valid UTF-8")
        .extracting(e -> ((SourceException) e).rule())
        .isEqualTo("encoding");
  }

  @Test
  void corruptWorkbookIsRefused() throws IOException {
    Files.write(
        directory.resolve("sample.xlsx"),
        "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> reader.read(directory, mapping("sample.xlsx", "xlsx", null)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("cannot read the xlsx file")
        .extracting(e -> ((SourceException) e).rule())
        .isEqualTo("xlsx.corrupt");
  }

  @Test
  void malformedJsonLinesAreRejectedAndMissingRecordIdsToo() throws IOException {
    Files.write(
        directory.resolve("sample.jsonl"),
        List.of(
            "{\"编号\": \"J1\", \"姓名\": \"赵六\", \"身份证号\": \"1\"}",
            "{\"编号\": \"J2\", \"姓名\": ",
            "{\"姓名\": \"钱七\", \"身份证号\": \"2\"}"),
        StandardCharsets.UTF_8);
    Dataset<Row> rows = reader.read(directory, mapping("sample.jsonl", "jsonl", "UTF-8")).cache();
    assertThat(rows.count()).isEqualTo(3);
    assertThat(rows.filter("rejected = 'json.malformed-line'").count()).isEqualTo(1);
    assertThat(rows.filter("rejected = 'record-id.missing'").count()).isEqualTo(1);
  }

  @Test
  void mappingWithAnUnknownFormatIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> mapping("sample.parquet", "parquet", null))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("format")
        .hasMessageContaining("parquet");
  }
}
