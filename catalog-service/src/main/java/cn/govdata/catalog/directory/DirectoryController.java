package cn.govdata.catalog.directory;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.Page;
import cn.govdata.governance.directory.InformationResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Directory entries (政务信息资源目录). */
@RestController
@RequestMapping("/api/v1/entries")
@Tag(name = "directory")
class DirectoryController {

  private final DirectoryService directory;

  DirectoryController(DirectoryService directory) {
    this.directory = directory;
  }

  @GetMapping
  @Operation(
      summary =
          "Entries the caller may see, filtered and paged. Enumerations accept the constant name"
              + " or the Chinese term; region includes the divisions below it.")
  Page<EntryView> search(
      @Parameter(hidden = true) Caller caller,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String shareType,
      @RequestParam(required = false) String openType,
      @RequestParam(required = false) String gradeCategory,
      @RequestParam(required = false) String gradeLevel,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String updatedSince,
      @RequestParam(required = false) Integer openBatch,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    EntryFilter filter =
        EntryFilter.parse(
            department,
            region,
            level,
            shareType,
            openType,
            gradeCategory,
            gradeLevel,
            status,
            updatedSince,
            openBatch);
    return directory.search(caller, filter, page, size).map(EntryView::of);
  }

  @GetMapping("/{id}")
  EntryView get(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return EntryView.of(directory.get(caller, id));
  }

  @GetMapping("/{id}/versions")
  @Operation(summary = "Every stored version of the entry, oldest first")
  List<EntryVersion> versions(@Parameter(hidden = true) Caller caller, @PathVariable long id) {
    return directory.versions(caller, id);
  }

  @PostMapping
  @Operation(summary = "Create a draft; the resource code is assigned")
  ResponseEntity<EntryView> create(
      @Parameter(hidden = true) Caller caller, @RequestBody InformationResource resource) {
    Entry entry = directory.create(caller, resource);
    return ResponseEntity.created(URI.create("/api/v1/entries/" + entry.id()))
        .body(EntryView.of(entry));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace the content of a DRAFT or RETURNED entry")
  EntryView update(
      @Parameter(hidden = true) Caller caller,
      @PathVariable long id,
      @RequestBody InformationResource resource) {
    return EntryView.of(directory.update(caller, id, resource));
  }
}
