package cn.govdata.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.governance.basedatabase.BaseDatabaseTables;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.policy.PublishedTable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DescribedSchemasTest {

  /** {@code golden_person} as the population pipeline writes it: its description's columns. */
  private static StructType goldenPerson() {
    PublishedTable described = BaseDatabaseTables.goldenPerson();
    StructType schema = new StructType();
    for (InformationItem item : described.resource().items()) {
      String column = described.column(item);
      schema =
          schema.add(
              column,
              switch (column) {
                case "provenance" ->
                    DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
                case "sources" -> DataTypes.createArrayType(DataTypes.StringType);
                case "record_count" -> DataTypes.LongType;
                default -> DataTypes.StringType;
              });
    }
    return schema;
  }

  @Test
  void aTableLaidOutAsDescribedHasNoDrift() {
    assertThat(DescribedSchemas.drift(goldenPerson(), BaseDatabaseTables.goldenPerson())).isEmpty();
  }

  @Test
  void aMissingAnUndescribedAndARetypedColumnAreEachReported() {
    StructType drifted =
        new StructType(
                java.util.Arrays.stream(goldenPerson().fields())
                    .filter(f -> !f.name().equals("phone"))
                    .map(
                        f ->
                            f.name().equals("record_count")
                                ? f.copy(f.name(), DataTypes.StringType, true, f.metadata())
                                : f)
                    .toArray(org.apache.spark.sql.types.StructField[]::new))
            .add("mobile", DataTypes.StringType);
    assertThat(DescribedSchemas.drift(drifted, BaseDatabaseTables.goldenPerson()))
        .containsExactlyInAnyOrder(
            "population.golden_person: described column phone (联系电话) is missing",
            "population.golden_person: column record_count is string, described as 数值型 (NUMBER)",
            "population.golden_person: column mobile is not described");
  }

  @Test
  void textHoldsTheLineageColumnsButAStringDoesNot() {
    assertThat(
            DescribedSchemas.compatible(
                DataType.TEXT, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)))
        .isTrue();
    assertThat(
            DescribedSchemas.compatible(
                DataType.STRING, DataTypes.createArrayType(DataTypes.StringType)))
        .isFalse();
    assertThat(DescribedSchemas.compatible(DataType.CURRENCY, DataTypes.DoubleType)).isFalse();
  }
}
