package cn.govdata.catalog.web;

import cn.govdata.catalog.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 description at /v3/api-docs. */
@Configuration
class OpenApiConfiguration {

  static {
    // the caller comes from the security context, never from the request
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI govdataOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("govdata directory service")
                .version("v1")
                .description(
                    "政务信息资源目录: the resource directory, its lifecycle, the shared list and the"
                        + " open list. Errors are RFC 9457 problem details."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"));
  }
}
