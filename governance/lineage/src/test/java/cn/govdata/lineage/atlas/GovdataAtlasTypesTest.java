package cn.govdata.lineage.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.lineage.graph.DatasetKind;
import cn.govdata.lineage.graph.ProcessKind;
import java.util.Arrays;
import org.apache.atlas.model.typedef.AtlasClassificationDef;
import org.apache.atlas.model.typedef.AtlasRelationshipDef;
import org.apache.atlas.model.typedef.AtlasTypesDef;
import org.apache.atlas.type.AtlasTypeUtil;
import org.junit.jupiter.api.Test;

class GovdataAtlasTypesTest {

  private final AtlasTypesDef types = GovdataAtlasTypes.typesDef();

  @Test
  void personalTagsBecomePiiClassificationsAndTheOthersPlainOnes() {
    assertThat(GovdataAtlasTypes.classificationName(SensitivityTag.IDENTITY_NUMBER))
        .isEqualTo("govdata_PII_IDENTITY_NUMBER");
    assertThat(GovdataAtlasTypes.classificationName(SensitivityTag.HEALTH))
        .isEqualTo("govdata_PII_HEALTH");
    assertThat(GovdataAtlasTypes.classificationName(SensitivityTag.CREDIT_CODE))
        .isEqualTo("govdata_CREDIT_CODE");
    assertThatThrownBy(() -> GovdataAtlasTypes.classificationName(SensitivityTag.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTagButNoneHasAClassificationThatMapsBack() {
    assertThat(types.getClassificationDefs())
        .extracting(AtlasClassificationDef::getName)
        .hasSize(SensitivityTag.values().length - 1)
        .allMatch(AtlasTypeUtil::isValidTraitTypeName);
    for (SensitivityTag tag : SensitivityTag.values()) {
      if (tag != SensitivityTag.NONE) {
        assertThat(GovdataAtlasTypes.tagOf(GovdataAtlasTypes.classificationName(tag)))
            .contains(tag);
      }
    }
    AtlasClassificationDef identity = types.getClassificationDefs().get(0);
    assertThat(identity.getDescription()).isEqualTo("身份证号码 (Identity number)");
    assertThat(identity.getEntityTypes())
        .containsExactlyInAnyOrder("govdata_directory_resource", "govdata_table", "govdata_column");
  }

  @Test
  void everyPlatformKindHasAnEntityTypeThatMapsBack() {
    assertThat(types.getEntityDefs())
        .hasSize(DatasetKind.values().length + ProcessKind.values().length);
    Arrays.stream(DatasetKind.values())
        .forEach(
            kind ->
                assertThat(GovdataAtlasTypes.kindOf(GovdataAtlasTypes.typeName(kind)))
                    .contains(kind));
    Arrays.stream(ProcessKind.values())
        .forEach(
            kind ->
                assertThat(GovdataAtlasTypes.kindOf(GovdataAtlasTypes.typeName(kind)))
                    .contains(kind));
    assertThat(GovdataAtlasTypes.kindOf("hive_table")).isEmpty();
  }

  @Test
  void aColumnIsPartOfItsTable() {
    AtlasRelationshipDef tableColumns = types.getRelationshipDefs().get(0);

    assertThat(tableColumns.getRelationshipCategory())
        .isEqualTo(AtlasRelationshipDef.RelationshipCategory.COMPOSITION);
    assertThat(tableColumns.getEndDef1().getType()).isEqualTo("govdata_table");
    assertThat(tableColumns.getEndDef1().getIsContainer()).isTrue();
    assertThat(tableColumns.getEndDef2().getName()).isEqualTo("table");
  }
}
