package cn.govdata.catalog.openlist;

import cn.govdata.catalog.batch.OpenBatch;
import cn.govdata.catalog.openlist.ListService.ListLine;
import cn.govdata.catalog.security.Caller;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.form.DirectoryForm;
import cn.govdata.governance.form.FormFormat;
import cn.govdata.governance.form.ListKind;
import cn.govdata.governance.validation.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared list and the open list as JSON, CSV or xlsx, in the usual column layout. */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "lists")
class ListController {

  private final ListService lists;

  ListController(ListService lists) {
    this.lists = lists;
  }

  /**
   * A list line in JSON.
   *
   * @param code 信息资源代码
   * @param openBatch the open batch with its dates; open list only
   */
  record ListItem(String code, InformationResource resource, OpenBatch openBatch) {}

  @GetMapping("/shared")
  @Operation(summary = "共享清单, for signed-in staff; format json (default), csv or xlsx")
  ResponseEntity<?> shared(
      @Parameter(hidden = true) Caller caller, @RequestParam(defaultValue = "json") String format) {
    return export(lists.generate(caller, ListKind.SHARED_LIST), ListKind.SHARED_LIST, format);
  }

  @GetMapping("/open")
  @Operation(summary = "开放清单, public; format json (default), csv or xlsx")
  ResponseEntity<?> open(
      @Parameter(hidden = true) Caller caller, @RequestParam(defaultValue = "json") String format) {
    return export(lists.generate(caller, ListKind.OPEN_LIST), ListKind.OPEN_LIST, format);
  }

  private static ResponseEntity<?> export(List<ListLine> lines, ListKind kind, String format) {
    String wanted = format.strip().toLowerCase(Locale.ROOT);
    if (wanted.equals("json")) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              lines.stream()
                  .map(
                      l ->
                          new ListItem(
                              l.entry().code().toString(), l.entry().resource(), l.batch()))
                  .toList());
    }
    FormFormat fileFormat =
        switch (wanted) {
          case "csv" -> FormFormat.CSV;
          case "xlsx" -> FormFormat.XLSX;
          default ->
              throw new InvalidFieldException(
                  "format", "enum", "format must be json, csv or xlsx, got '" + format + "'");
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DirectoryForm.write(lines.stream().map(ListLine::row).toList(), kind, fileFormat, out);
    String filename =
        (kind == ListKind.SHARED_LIST ? "shared-list." : "open-list.") + fileFormat.extension();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(fileFormat.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(out.toByteArray());
  }
}
