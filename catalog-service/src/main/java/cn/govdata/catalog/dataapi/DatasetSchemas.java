package cn.govdata.catalog.dataapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds one schema per dataset to the OpenAPI document ({@code Dataset<entry id>}): the record of
 * its rows, one property per field with the information item (信息项) as description. The document is
 * public, so it lists only datasets the public may read; a signed-in caller gets any other
 * dataset's fields from {@code /api/v1/data/{id}/schema}.
 */
@Configuration
class DatasetSchemas {

  @Bean
  OpenApiCustomizer datasetSchemaCustomizer(DataApiService data) {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      for (DataApiService.Schema dataset : data.publicSchemas()) {
        ObjectSchema record = new ObjectSchema();
        record.setTitle(dataset.name());
        record.setDescription(
            "A row of "
                + dataset.name()
                + " ("
                + dataset.code()
                + "), GET /api/v1/data/"
                + dataset.entryId());
        for (DataApiService.Field field : dataset.fields()) {
          record.addProperty(field.name(), property(field));
        }
        openApi.getComponents().addSchemas("Dataset" + dataset.entryId(), record);
      }
    };
  }

  private static Schema<?> property(DataApiService.Field field) {
    Schema<?> schema = new Schema<>();
    switch (field.type()) {
      case NUMBER, CURRENCY -> type(schema, "number", null);
      case BOOLEAN -> type(schema, "boolean", null);
      case DATE -> type(schema, "string", "date");
      case DATETIME -> type(schema, "string", "date-time");
      default -> type(schema, "string", null);
    }
    schema.setDescription(
        field.item()
            + ("NONE".equals(field.sensitivity())
                ? ""
                : " (masked unless your role may see it: " + field.sensitivity() + ")"));
    return schema;
  }

  /** Both ways of stating a type: OpenAPI 3.0's {@code type} and 3.1's {@code types}. */
  private static void type(Schema<?> schema, String type, String format) {
    schema.setType(type);
    schema.addType(type);
    schema.setFormat(format);
  }
}
