package cn.govdata.catalog.dataapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/policies/ranger}: the SQL gateway's compiled Ranger policies, for a gateway that
 * cannot read the catalog's policy file (its own pod in Kubernetes). The gateway polls it, like a
 * Ranger plugin polls Ranger Admin, with the {@code ETag} of the policies it holds in {@code
 * If-None-Match}; only the {@code POLICY_READER} role may read it.
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "policies")
class PolicyController {

  private final GatewayPolicies policies;

  PolicyController(GatewayPolicies policies) {
    this.policies = policies;
  }

  @GetMapping(value = "/ranger", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The gateway's compiled Ranger policies (import JSON)",
      description =
          "The document the catalog writes to the gateway's policy file; 304 when the ETag"
              + " given in If-None-Match is still current.")
  ResponseEntity<String> ranger(
      @Parameter(description = "the ETag of the policies the caller holds")
          @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
          String ifNoneMatch) {
    GatewayPolicies.Document current = policies.current();
    String etag = "\"" + current.version() + "\"";
    if (ifNoneMatch != null
        && Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(etag::equals)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(etag)
          .cacheControl(CacheControl.noCache())
          .build();
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .cacheControl(CacheControl.noCache())
        .contentType(MediaType.APPLICATION_JSON)
        .body(current.json());
  }
}
