package cn.govdata.lineage.atlas;

import static org.apache.atlas.type.AtlasTypeUtil.createOptionalAttrDef;
import static org.apache.atlas.type.AtlasTypeUtil.createRequiredAttrDef;

import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.lineage.graph.DatasetKind;
import cn.govdata.lineage.graph.ProcessKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.atlas.model.typedef.AtlasBaseTypeDef;
import org.apache.atlas.model.typedef.AtlasClassificationDef;
import org.apache.atlas.model.typedef.AtlasEntityDef;
import org.apache.atlas.model.typedef.AtlasRelationshipDef;
import org.apache.atlas.model.typedef.AtlasRelationshipDef.PropagateTags;
import org.apache.atlas.model.typedef.AtlasRelationshipDef.RelationshipCategory;
import org.apache.atlas.model.typedef.AtlasRelationshipEndDef;
import org.apache.atlas.model.typedef.AtlasStructDef.AtlasAttributeDef;
import org.apache.atlas.model.typedef.AtlasStructDef.AtlasAttributeDef.Cardinality;
import org.apache.atlas.model.typedef.AtlasTypesDef;

/**
 * The platform's model in Atlas's type system: entity types for directory resources, tables and
 * columns (subtypes of Atlas's {@code DataSet}), pipeline runs and deliveries (subtypes of {@code
 * Process}, so Atlas draws their lineage), the table–column composition, and one classification per
 * sensitivity tag, e.g. {@code govdata_PII_IDENTITY_NUMBER}, so that Atlas users and tag-based
 * policies see what the directory says about each column.
 */
public final class GovdataAtlasTypes {

  public static final String SERVICE_TYPE = "govdata";
  public static final String TYPE_VERSION = "1.0";

  public static final String DIRECTORY_RESOURCE = "govdata_directory_resource";
  public static final String TABLE = "govdata_table";
  public static final String COLUMN = "govdata_column";
  public static final String PIPELINE_RUN = "govdata_pipeline_run";
  public static final String DELIVERY = "govdata_delivery";
  public static final String TABLE_COLUMNS = "govdata_table_columns";

  /** The relationship attribute on a column naming its table. */
  public static final String COLUMN_TABLE_ATTRIBUTE = "table";

  private static final String STRING = AtlasBaseTypeDef.ATLAS_TYPE_STRING;
  private static final String LONG = AtlasBaseTypeDef.ATLAS_TYPE_LONG;
  private static final String DATE = AtlasBaseTypeDef.ATLAS_TYPE_DATE;
  private static final String STRINGS = AtlasBaseTypeDef.getArrayTypeName(STRING);

  private GovdataAtlasTypes() {}

  /** Every type definition the platform needs in Atlas. */
  public static AtlasTypesDef typesDef() {
    AtlasTypesDef types = new AtlasTypesDef();
    types.setEntityDefs(entityDefs());
    types.setRelationshipDefs(List.of(tableColumns()));
    types.setClassificationDefs(classificationDefs());
    types.getEntityDefs().forEach(GovdataAtlasTypes::stamp);
    types.getRelationshipDefs().forEach(GovdataAtlasTypes::stamp);
    types.getClassificationDefs().forEach(GovdataAtlasTypes::stamp);
    return types;
  }

  public static String typeName(DatasetKind kind) {
    return switch (kind) {
      case DIRECTORY_RESOURCE -> DIRECTORY_RESOURCE;
      case TABLE -> TABLE;
      case COLUMN -> COLUMN;
    };
  }

  public static String typeName(ProcessKind kind) {
    return switch (kind) {
      case PIPELINE_RUN -> PIPELINE_RUN;
      case DELIVERY -> DELIVERY;
    };
  }

  /**
   * The classification for a tag: {@code govdata_PII_<TAG>} for personal information (GB/T 35273),
   * {@code govdata_<TAG>} for the other sensitive kinds.
   */
  public static String classificationName(SensitivityTag tag) {
    if (tag == SensitivityTag.NONE) {
      throw new IllegalArgumentException("NONE is the absence of a classification");
    }
    return (isPersonal(tag) ? "govdata_PII_" : "govdata_") + tag.name();
  }

  /** The tag a classification name stands for, if it is one of the platform's. */
  public static Optional<SensitivityTag> tagOf(String classificationName) {
    return Arrays.stream(SensitivityTag.values())
        .filter(tag -> tag != SensitivityTag.NONE)
        .filter(tag -> classificationName(tag).equals(classificationName))
        .findFirst();
  }

  /**
   * The platform kind an Atlas type name stands for: a {@link DatasetKind} or {@link ProcessKind}.
   */
  public static Optional<Enum<?>> kindOf(String typeName) {
    for (DatasetKind kind : DatasetKind.values()) {
      if (typeName(kind).equals(typeName)) {
        return Optional.of(kind);
      }
    }
    for (ProcessKind kind : ProcessKind.values()) {
      if (typeName(kind).equals(typeName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static List<AtlasEntityDef> entityDefs() {
    return List.of(
        entity(
            DIRECTORY_RESOURCE,
            "信息资源: an entry of the government data resource directory",
            "DataSet",
            createRequiredAttrDef("resourceCode", STRING),
            createOptionalAttrDef("provider", STRING),
            createOptionalAttrDef("shareType", STRING),
            createOptionalAttrDef("openType", STRING),
            createOptionalAttrDef("gradeCategory", STRING),
            createOptionalAttrDef("gradeLevel", STRING),
            createRequiredAttrDef("node", STRING)),
        entity(
            TABLE,
            "A base-database (基础库) table or shared dataset",
            "DataSet",
            createRequiredAttrDef("database", STRING),
            createRequiredAttrDef("node", STRING)),
        entity(
            COLUMN,
            "A column of a govdata table",
            "DataSet",
            createOptionalAttrDef("dataType", STRING)),
        entity(
            PIPELINE_RUN,
            "One run of an exchange pipeline",
            "Process",
            createRequiredAttrDef("pipeline", STRING),
            createRequiredAttrDef("runId", STRING),
            createOptionalAttrDef("status", STRING),
            createRequiredAttrDef("node", STRING),
            createRequiredAttrDef("startTime", DATE),
            createOptionalAttrDef("endTime", DATE)),
        entity(
            DELIVERY,
            "交付: one delivery of a resource to a consumer, with its manifest",
            "Process",
            createRequiredAttrDef("deliveryId", STRING),
            createRequiredAttrDef("manifestSha256", STRING),
            createOptionalAttrDef("snapshotId", STRING),
            createOptionalAttrDef("rowCount", LONG),
            createOptionalAttrDef("bytes", LONG),
            createOptionalAttrDef("policies", STRINGS),
            createRequiredAttrDef("senderNode", STRING),
            createRequiredAttrDef("receiverNode", STRING),
            createRequiredAttrDef("startTime", DATE),
            createOptionalAttrDef("endTime", DATE)));
  }

  private static AtlasEntityDef entity(
      String name, String description, String superType, AtlasAttributeDef... attributes) {
    return new AtlasEntityDef(
        name, description, TYPE_VERSION, List.of(attributes), Set.of(superType));
  }

  private static AtlasRelationshipDef tableColumns() {
    // A column lives and dies with its table; tags stay where the directory put them.
    return new AtlasRelationshipDef(
        TABLE_COLUMNS,
        "The columns of a govdata table",
        TYPE_VERSION,
        RelationshipCategory.COMPOSITION,
        PropagateTags.NONE,
        new AtlasRelationshipEndDef(TABLE, "columns", Cardinality.SET, true),
        new AtlasRelationshipEndDef(COLUMN, COLUMN_TABLE_ATTRIBUTE, Cardinality.SINGLE, false));
  }

  private static List<AtlasClassificationDef> classificationDefs() {
    Set<String> taggable = Set.of(DIRECTORY_RESOURCE, TABLE, COLUMN);
    return Arrays.stream(SensitivityTag.values())
        .filter(tag -> tag != SensitivityTag.NONE)
        .map(
            tag -> {
              AtlasClassificationDef def =
                  new AtlasClassificationDef(
                      classificationName(tag),
                      tag.chinese() + " (" + tag.english() + ")",
                      TYPE_VERSION,
                      List.of(),
                      Set.of(),
                      taggable,
                      Map.of());
              return def;
            })
        .toList();
  }

  /** The directory model decides what counts as personal information; ask it rather than copy. */
  private static boolean isPersonal(SensitivityTag tag) {
    return new InformationItem("item", DataType.STRING, null, null, tag).isPersonal();
  }

  private static void stamp(AtlasBaseTypeDef def) {
    def.setServiceType(SERVICE_TYPE);
  }
}
