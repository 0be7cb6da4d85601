package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/data/{id}}: the rows of a dataset, named by its entry id or its resource code
 * ({@code /api/v1/data/301101/000001}), as JSON or CSV; its fields at {@code .../schema}; the
 * gateway table behind it at {@code .../table} (administrators).
 */
@RestController
@RequestMapping("/api/v1/data")
@Tag(name = "data")
class DataController {

  private static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final DataApiService data;

  DataController(DataApiService data) {
    this.data = data;
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Rows of a dataset",
      description =
          "CKAN datastore_search style (filters as JSON, q, fields, sort, limit, offset) or SoQL"
              + " ($select, $where, $order, $limit, $offset); format=json (default) or csv. Runs"
              + " on the SQL gateway as you, with your X-API-Key: its masks and row filters apply.")
  ResponseEntity<?> rows(
      Caller caller,
      @PathVariable String id,
      @Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String key,
      @Parameter(hidden = true) @RequestParam Map<String, String> query) {
    return answer(data.read(caller, id, key, query), query.getOrDefault("format", "json"));
  }

  @GetMapping("/{front}/{sequence:\\d+}")
  @Operation(summary = "Rows of a dataset named by its resource code (信息资源代码)")
  ResponseEntity<?> rowsByCode(
      Caller caller,
      @PathVariable String front,
      @PathVariable String sequence,
      @Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String key,
      @Parameter(hidden = true) @RequestParam Map<String, String> query) {
    return rows(caller, front + "/" + sequence, key, query);
  }

  @GetMapping("/{id}/schema")
  @Operation(summary = "The fields of a dataset: column, information item, type, sensitivity")
  DataApiService.Schema schema(Caller caller, @PathVariable String id) {
    return data.schema(caller, id);
  }

  @GetMapping("/{front}/{sequence:\\d+}/schema")
  DataApiService.Schema schemaByCode(
      Caller caller, @PathVariable String front, @PathVariable String sequence) {
    return data.schema(caller, front + "/" + sequence);
  }

  record TableMapping(
      String database, String table, Map<String, String> columns, String regionColumn) {}

  @PutMapping("/{id:\\d+}/table")
  @Operation(summary = "Set the gateway table behind an entry and its columns (administrators)")
  DataApiService.Schema map(Caller caller, @PathVariable long id, @RequestBody TableMapping body) {
    return data.map(caller, id, body);
  }

  private static ResponseEntity<?> answer(DataApiService.Result result, String format) {
    return switch (format) {
      case "csv" ->
          ResponseEntity.ok()
              .contentType(CSV)
              .header(
                  HttpHeaders.CONTENT_DISPOSITION,
                  "attachment; filename=\"dataset-" + result.dataset().entryId() + ".csv\"")
              .body(csv(result));
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(result));
      default ->
          throw new cn.govdata.governance.validation.InvalidFieldException(
              "format", "format.unknown", "format is json or csv, got '" + format + "'");
    };
  }

  private static Map<String, Object> json(DataApiService.Result result) {
    List<Map<String, Object>> records =
        result.rows().stream()
            .map(
                row -> {
                  Map<String, Object> record = new LinkedHashMap<>();
                  for (int i = 0; i < result.columns().size(); i++) {
                    record.put(result.columns().get(i), row.get(i));
                  }
                  return record;
                })
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dataset", result.dataset());
    body.put("records", records);
    body.put("limit", result.limit());
    body.put("offset", result.offset());
    body.put("hasMore", result.more());
    return body;
  }

  private static String csv(DataApiService.Result result) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(result.columns());
      for (List<Object> row : result.rows()) {
        printer.printRecord(row.stream().map(DataController::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A cell that a spreadsheet would run as a formula is written behind an apostrophe. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
