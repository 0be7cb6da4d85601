package cn.govdata.catalog.apikey;

import cn.govdata.catalog.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys of the signed-in user (all keys for administrators) and their usage. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "api-keys")
class ApiKeyController {

  private final ApiKeyService keys;

  ApiKeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  @PostMapping("/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an API key; the key is shown only in this response")
  ApiKeyService.CreatedKey create(
      Caller caller, @RequestBody(required = false) ApiKeyService.NewKey body) {
    return keys.create(caller, body);
  }

  @GetMapping("/api-keys")
  @Operation(summary = "Your API keys (administrators: everyone's), without the keys themselves")
  List<ApiKey> list(Caller caller) {
    return keys.list(caller);
  }

  @DeleteMapping("/api-keys/{id}")
  @Operation(summary = "Revoke an API key: it stops working at the API and the SQL gateway")
  ApiKey revoke(Caller caller, @PathVariable long id) {
    return keys.revoke(caller, id);
  }

  @GetMapping("/api-usage")
  @Operation(summary = "Requests, rows and refusals per key, dataset and day (default: 30 days)")
  List<UsageRepository.Usage> usage(
      Caller caller,
      @RequestParam(required = false) Long key,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return keys.usage(caller, key, from, to);
  }
}
