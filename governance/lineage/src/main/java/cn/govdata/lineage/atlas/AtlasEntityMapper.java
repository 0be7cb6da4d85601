package cn.govdata.lineage.atlas;

import cn.govdata.lineage.graph.Dataset;
import cn.govdata.lineage.graph.DatasetKind;
import cn.govdata.lineage.graph.LineageProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.atlas.model.instance.AtlasClassification;
import org.apache.atlas.model.instance.AtlasEntity;
import org.apache.atlas.model.instance.AtlasObjectId;
import org.apache.atlas.model.typedef.AtlasBaseTypeDef;
import org.apache.atlas.model.typedef.AtlasEntityDef;
import org.apache.atlas.model.typedef.AtlasStructDef.AtlasAttributeDef;

/**
 * Turns the platform's lineage records into Atlas entities. Properties become attributes of the
 * same name, converted to the attribute's declared type; references between entities go by type and
 * qualified name, so a batch can name entities created in the same request or earlier.
 */
final class AtlasEntityMapper {

  static final String QUALIFIED_NAME = "qualifiedName";

  private final Map<String, AtlasEntityDef> entityDefs = new HashMap<>();

  AtlasEntityMapper() {
    GovdataAtlasTypes.typesDef().getEntityDefs().forEach(def -> entityDefs.put(def.getName(), def));
  }

  AtlasEntity toEntity(Dataset dataset) {
    AtlasEntity entity =
        newEntity(
            GovdataAtlasTypes.typeName(dataset.kind()), dataset.qualifiedName(), dataset.name());
    copyProperties(dataset.properties(), entity);
    if (dataset.kind() == DatasetKind.COLUMN) {
      entity.setRelationshipAttribute(
          GovdataAtlasTypes.COLUMN_TABLE_ATTRIBUTE,
          reference(GovdataAtlasTypes.TABLE, dataset.parent()));
    }
    List<AtlasClassification> classifications = new ArrayList<>();
    dataset.sensitivity().stream()
        .sorted()
        .forEach(
            tag ->
                classifications.add(
                    new AtlasClassification(GovdataAtlasTypes.classificationName(tag))));
    entity.setClassifications(classifications);
    return entity;
  }

  /**
   * @param kindOf the kind of each dataset the process names, to address it by its Atlas type
   */
  AtlasEntity toEntity(LineageProcess process, Function<String, DatasetKind> kindOf) {
    AtlasEntity entity =
        newEntity(
            GovdataAtlasTypes.typeName(process.kind()), process.qualifiedName(), process.name());
    copyProperties(process.properties(), entity);
    entity.setAttribute("inputs", references(process.inputs(), kindOf));
    entity.setAttribute("outputs", references(process.outputs(), kindOf));
    entity.setAttribute("startTime", process.startedAt().toEpochMilli());
    if (process.endedAt() != null) {
      entity.setAttribute("endTime", process.endedAt().toEpochMilli());
    }
    return entity;
  }

  static AtlasObjectId reference(String typeName, String qualifiedName) {
    return new AtlasObjectId(typeName, QUALIFIED_NAME, qualifiedName);
  }

  private static AtlasEntity newEntity(String typeName, String qualifiedName, String name) {
    AtlasEntity entity = new AtlasEntity(typeName);
    entity.setAttribute(QUALIFIED_NAME, qualifiedName);
    entity.setAttribute("name", name);
    return entity;
  }

  private static List<AtlasObjectId> references(
      List<String> names, Function<String, DatasetKind> kindOf) {
    return names.stream()
        .map(name -> reference(GovdataAtlasTypes.typeName(kindOf.apply(name)), name))
        .toList();
  }

  private void copyProperties(Map<String, String> properties, AtlasEntity entity) {
    AtlasEntityDef def = entityDefs.get(entity.getTypeName());
    for (AtlasAttributeDef attribute : def.getAttributeDefs()) {
      String value = properties.get(attribute.getName());
      if (value != null) {
        entity.setAttribute(attribute.getName(), convert(value, attribute.getTypeName()));
      }
    }
  }

  private static Object convert(String value, String typeName) {
    if (typeName.equals(AtlasBaseTypeDef.ATLAS_TYPE_LONG)) {
      return Long.parseLong(value);
    }
    if (typeName.equals(AtlasBaseTypeDef.ATLAS_TYPE_DATE)) {
      return Instant.parse(value).toEpochMilli();
    }
    if (typeName.equals(AtlasBaseTypeDef.getArrayTypeName(AtlasBaseTypeDef.ATLAS_TYPE_STRING))) {
      return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
    return value;
  }
}
