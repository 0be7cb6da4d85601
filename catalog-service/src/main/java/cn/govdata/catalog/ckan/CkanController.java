package cn.govdata.catalog.ckan;

import cn.govdata.catalog.portal.PublishedCatalog;
import cn.govdata.catalog.searchindex.Viewers;
import cn.govdata.catalog.security.Caller;
import cn.govdata.search.CatalogSearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CKAN's Action API at {@code /api/3/action/{action}}, GET with query parameters or POST with a
 * JSON object, answering CKAN's envelope {@code {help, success, result}} so that CKAN clients and
 * harvesters work unchanged (docs/ckan-api.md).
 */
@RestController
@RequestMapping("/api/3/action")
class CkanController {

  private static final Logger log = LoggerFactory.getLogger(CkanController.class);

  private final PublishedCatalog catalog;
  private final CatalogSearch search;
  private final Viewers viewers;
  private final ObjectMapper json;

  CkanController(
      PublishedCatalog catalog, CatalogSearch search, Viewers viewers, ObjectMapper json) {
    this.catalog = catalog;
    this.search = search;
    this.viewers = viewers;
    this.json = json;
  }

  @RequestMapping(
      value = "/{action}",
      method = {RequestMethod.GET, RequestMethod.POST},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> call(
      @PathVariable String action,
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      @RequestBody(required = false) JsonNode body) {
    Map<String, String> params = new LinkedHashMap<>();
    query.forEach((name, values) -> params.put(name, values.get(values.size() - 1)));
    if (body != null) {
      if (!body.isObject()) {
        throw CkanException.badRequest("Bad request - JSON body must be an object");
      }
      body.fields()
          .forEachRemaining(
              field ->
                  params.put(
                      field.getKey(),
                      field.getValue().isValueNode()
                          ? field.getValue().asText()
                          : field.getValue().toString()));
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    Object result =
        new CkanActions(catalog, search, viewers, json, base).call(action, caller, params);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("help", help(action));
    envelope.put("success", true);
    envelope.put("result", result);
    return ResponseEntity.ok(envelope);
  }

  @ExceptionHandler(CkanException.class)
  ResponseEntity<Map<String, Object>> failed(CkanException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("__type", e.type());
    error.put("message", e.getMessage());
    if (e.field() != null) {
      error.put(e.field(), List.of(e.getMessage()));
    }
    return envelope(e.status().value(), error);
  }

  /** Anything unexpected still answers in CKAN's shape, without internals. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
    log.error("CKAN action failed", e);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("__type", "Internal Server Error");
    error.put("message", "Internal server error");
    return envelope(500, error);
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("__type", "Bad Request");
    error.put("message", "Bad request - JSON Error: the request body is not a JSON object");
    return envelope(400, error);
  }

  private ResponseEntity<Map<String, Object>> envelope(int status, Map<String, Object> error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "help",
        ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
            + "/api/3/action/help_show");
    body.put("success", false);
    body.put("error", error);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static String help(String action) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
        + "/api/3/action/help_show?name="
        + (CkanActions.isKnown(action) ? action : "");
  }
}
