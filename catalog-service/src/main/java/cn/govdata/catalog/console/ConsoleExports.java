package cn.govdata.catalog.console;

import cn.govdata.catalog.openlist.ListService;
import cn.govdata.catalog.openlist.ListService.ListLine;
import cn.govdata.catalog.security.Caller;
import cn.govdata.governance.form.DirectoryForm;
import cn.govdata.governance.form.FormFormat;
import cn.govdata.governance.form.ListKind;
import cn.govdata.governance.form.ListRow;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * List exports for the console's signed-in session: the same lists as {@code /api/v1/lists}, which
 * answers HTTP Basic and API keys only, written straight to the response.
 */
@Controller
class ConsoleExports {

  private final ListService lists;

  ConsoleExports(ListService lists) {
    this.lists = lists;
  }

  @GetMapping("/console/lists/{kind:open|shared}.{format:csv|xlsx}")
  ResponseEntity<StreamingResponseBody> export(
      Caller caller, @PathVariable String kind, @PathVariable String format) {
    ListKind listKind = kind.equals("open") ? ListKind.OPEN_LIST : ListKind.SHARED_LIST;
    FormFormat fileFormat = format.equals("csv") ? FormFormat.CSV : FormFormat.XLSX;
    List<ListRow> rows = lists.generate(caller, listKind).stream().map(ListLine::row).toList();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(fileFormat.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(kind + "-list." + fileFormat.extension())
                .build()
                .toString())
        .body(out -> DirectoryForm.write(rows, listKind, fileFormat, out));
  }
}
