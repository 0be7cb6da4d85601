package cn.govdata.catalog.importing;

import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.catalog.web.Problems;
import cn.govdata.governance.form.FormException;
import cn.govdata.governance.form.FormFormat;
import cn.govdata.governance.validation.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload of a department's directory form. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "import")
class ImportController {

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import a directory form (.xlsx or .csv, part 'file') as drafts: 201 with the report"
              + " when every row is valid, else 400 with the per-row report and nothing stored")
  ResponseEntity<?> upload(
      @Parameter(hidden = true) Caller caller,
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) Long department)
      throws IOException {
    Department target = imports.departmentOf(caller, department);
    if (file.isEmpty()) {
      throw new InvalidFieldException("file", "form.empty", "the uploaded file is empty");
    }
    if (file.getSize() > imports.maxBytes()) {
      throw ApiException.tooLarge(
          "form.too-large",
          "the file has "
              + file.getSize()
              + " bytes; a directory form may have at most "
              + imports.maxBytes());
    }
    ImportReport report;
    try (InputStream in = file.getInputStream()) {
      report =
          imports.importForm(
              caller, target, in, FormFormat.fromFilename(file.getOriginalFilename()));
    } catch (FormException e) {
      return ResponseEntity.status(statusOf(e.rule()))
          .body(Problems.of(statusOf(e.rule()), "invalid-form", e.rule(), e.getMessage()));
    }
    if (!report.stored()) {
      ProblemDetail problem =
          Problems.of(
              HttpStatus.BAD_REQUEST, "invalid-form", "form.rows-invalid", report.message());
      problem.setTitle("The directory form has errors");
      problem.setProperty("report", report);
      return ResponseEntity.badRequest().body(problem);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(report);
  }

  private static HttpStatus statusOf(String rule) {
    return switch (rule) {
      case "form.too-large", "form.too-many-rows" -> HttpStatus.PAYLOAD_TOO_LARGE;
      case "form.format" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      default -> HttpStatus.BAD_REQUEST;
    };
  }
}
