package cn.govdata.catalog.portal;

import cn.govdata.catalog.application.Application;
import cn.govdata.catalog.application.ApplicationService;
import cn.govdata.catalog.application.PublicApplicant;
import cn.govdata.catalog.batch.BatchRepository;
import cn.govdata.catalog.department.Department;
import cn.govdata.catalog.directory.Entry;
import cn.govdata.catalog.searchindex.SearchIndexer;
import cn.govdata.catalog.searchindex.SearchRequests;
import cn.govdata.catalog.searchindex.Viewers;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.search.CatalogQuery;
import cn.govdata.search.CatalogSearch;
import cn.govdata.search.SearchPage;
import cn.govdata.search.SearchSort;
import cn.govdata.search.SearchUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The public portal: home, search results, dataset pages with downloads and the application form,
 * departments and open batches. Server-rendered (Thymeleaf) so it works without script, on phones
 * and with screen readers.
 */
@Controller
class PortalController {

  static final int PAGE_SIZE = 10;
  static final int PREVIEW_ROWS = 10;

  private final PublishedCatalog catalog;
  private final CatalogSearch search;
  private final Viewers viewers;
  private final SearchIndexer indexer;
  private final DatasetRows rows;
  private final BatchRepository batches;
  private final ApplicationService applications;

  PortalController(
      PublishedCatalog catalog,
      CatalogSearch search,
      Viewers viewers,
      SearchIndexer indexer,
      DatasetRows rows,
      BatchRepository batches,
      ApplicationService applications) {
    this.catalog = catalog;
    this.search = search;
    this.viewers = viewers;
    this.indexer = indexer;
    this.rows = rows;
    this.batches = batches;
    this.applications = applications;
  }

  @GetMapping("/")
  String home(Caller caller, Model model) {
    List<Entry> visible = catalog.visible(caller);
    model.addAttribute("datasetCount", visible.size());
    model.addAttribute(
        "departmentCount", visible.stream().map(Entry::departmentId).distinct().count());
    model.addAttribute("newest", visible.stream().limit(6).toList());
    try {
      SearchPage popular =
          search.search(
              CatalogQuery.of("", viewers.of(caller))
                  .withSort(SearchSort.POPULARITY)
                  .withPage(0, 6));
      // only entries someone has used: with no uses yet the list would repeat the newest
      model.addAttribute(
          "popular", popular.hits().stream().filter(hit -> hit.popularity() > 0).toList());
    } catch (SearchUnavailableException e) {
      model.addAttribute("popular", List.of());
      model.addAttribute("searchDown", true);
    }
    return "portal/home";
  }

  @GetMapping("/search")
  String search(
      Caller caller,
      Model model,
      HttpServletResponse response,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "filter", required = false) List<String> filters,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "page", defaultValue = "1") String pageText) {
    model.addAttribute("q", text == null ? "" : text);
    model.addAttribute("filters", filters == null ? List.of() : filters);
    model.addAttribute("sort", sort == null ? "relevance" : sort);
    try {
      int page = page(pageText);
      CatalogQuery query =
          SearchRequests.query(
              text, filters, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE, viewers.of(caller));
      SearchPage result = search.search(query);
      long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
      SearchLinks links =
          new SearchLinks(
              text, filters == null ? List.of() : filters, sort == null ? "relevance" : sort);
      model.addAttribute("result", result);
      model.addAttribute("page", page);
      model.addAttribute("pages", pages);
      model.addAttribute("groups", links.groups(result));
      model.addAttribute("previous", page > 1 ? links.page(page - 1) : null);
      model.addAttribute("next", page < pages ? links.page(page + 1) : null);
      model.addAttribute("cleared", links.cleared());
      model.addAttribute("sortRelevance", links.sorted("relevance"));
      model.addAttribute("sortUpdated", links.sorted("updated"));
      model.addAttribute("sortPopularity", links.sorted("popularity"));
    } catch (InvalidFieldException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.getMessage());
    } catch (SearchUnavailableException e) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("searchDown", true);
    }
    return "portal/search";
  }

  @GetMapping("/dataset/{id:\\d{1,18}}")
  String dataset(Caller caller, @PathVariable long id, Model model) {
    Entry entry = find(caller, id);
    indexer.recordUse(id);
    model.addAttribute("entry", entry);
    model.addAttribute("department", catalog.department(entry));
    model.addAttribute("distributions", PublishedCatalog.distributions(entry));
    model.addAttribute("conditional", entry.resource().open().type() == OpenType.CONDITIONAL);
    model.addAttribute("columns", DatasetRows.COLUMNS);
    model.addAttribute(
        "preview",
        PublishedCatalog.isDownloadable(entry) ? rows.preview(entry, PREVIEW_ROWS) : List.of());
    return "portal/dataset";
  }

  @GetMapping("/dataset/{id:\\d{1,18}}/download.{format:csv|xlsx|json}")
  ResponseEntity<StreamingResponseBody> download(
      Caller caller, @PathVariable long id, @PathVariable String format) {
    Entry entry = find(caller, id);
    PublishedCatalog.Distribution distribution =
        PublishedCatalog.distribution(entry, format)
            .orElseThrow(
                () ->
                    ApiException.forbidden(
                        "open.unconditional-only",
                        "only 无条件开放 data is downloaded; apply for 有条件开放 data on its page"));
    indexer.recordUse(id);
    StreamingResponseBody body =
        switch (format) {
          case "csv" -> out -> rows.writeCsv(entry, out);
          case "xlsx" -> out -> rows.writeXlsx(entry, out);
          default -> out -> rows.writeJson(entry, out);
        };
    String fileName = entry.code().toString().replace('/', '-') + "." + distribution.extension();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(distribution.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  @PostMapping("/dataset/{id:\\d{1,18}}/apply")
  String apply(
      Caller caller,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    Entry entry = find(caller, id);
    if (entry.resource().open().type() != OpenType.CONDITIONAL) {
      throw ApiException.conflict(
          "application.conditional-only", "applications are for 有条件开放 data only");
    }
    try {
      String email = form.get("email") == null ? null : form.get("email").strip();
      if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new InvalidFieldException("email", "email.format", "email is not an e-mail address");
      }
      // the provider decides it like every other application (ApplicationService)
      Application application =
          applications.applyFromPortal(
              entry.id(),
              new PublicApplicant(form.get("applicant"), form.get("organisation"), email),
              form.get("purpose"));
      model.addAttribute("submitted", application);
    } catch (InvalidFieldException | ApiException e) {
      response.setStatus(
          e instanceof ApiException api ? api.status().value() : HttpStatus.BAD_REQUEST.value());
      model.addAttribute("applicationError", e.getMessage());
      return dataset(caller, id, model);
    }
    model.addAttribute("entry", entry);
    return "portal/applied";
  }

  @GetMapping("/departments")
  String departments(Caller caller, Model model) {
    Map<Long, Long> counts =
        catalog.visible(caller).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Entry::departmentId, java.util.stream.Collectors.counting()));
    model.addAttribute("departments", catalog.departments());
    model.addAttribute("counts", counts);
    return "portal/departments";
  }

  @GetMapping("/department/{id:\\d{1,18}}")
  String department(Caller caller, @PathVariable long id, Model model) {
    Department department =
        catalog.departments().stream()
            .filter(d -> d.id() == id)
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("department", id));
    model.addAttribute("department", department);
    model.addAttribute(
        "entries", catalog.visible(caller).stream().filter(e -> e.departmentId() == id).toList());
    return "portal/department";
  }

  @GetMapping("/batches")
  String batches(Caller caller, Model model) {
    model.addAttribute("batches", batches.list());
    model.addAttribute(
        "entries", catalog.visible(caller).stream().filter(e -> e.openBatch() != null).toList());
    return "portal/batches";
  }

  @ExceptionHandler(ApiException.class)
  String failed(ApiException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    model.addAttribute("message", e.getMessage());
    return "portal/error";
  }

  private Entry find(Caller caller, long id) {
    return catalog.find(caller, id).orElseThrow(() -> ApiException.notFound("dataset", id));
  }

  private static int page(String text) {
    try {
      int page = Integer.parseInt(text.strip());
      if (page < 1 || (long) page * PAGE_SIZE > CatalogQuery.MAX_WINDOW) {
        throw new InvalidFieldException(
            "page", "range", "page must be between 1 and " + CatalogQuery.MAX_WINDOW / PAGE_SIZE);
      }
      return page;
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("page", "integer", "page must be a whole number");
    }
  }
}
