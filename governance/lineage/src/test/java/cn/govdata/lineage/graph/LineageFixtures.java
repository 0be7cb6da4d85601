package cn.govdata.lineage.graph;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ManifestField;
import cn.govdata.governance.exchange.ManifestFile;
import java.time.Instant;
import java.util.List;

/**
 * A small, generated story of lineage: a household-register extract ingested on the province node
 * into the population base table, published as a directory resource, and delivered to a city node
 * filtered to its region.
 */
public final class LineageFixtures {

  public static final String PROVINCE = "gd-province";
  public static final String CITY = "gz-city";
  public static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  public final Dataset extract = Dataset.table("ods", "household_register", PROVINCE);
  public final Dataset person = Dataset.table("base", "population_person", PROVINCE);
  public final Dataset idNumber =
      Dataset.column(person, "id_number", "string", SensitivityTag.IDENTITY_NUMBER);
  public final Dataset name = Dataset.column(person, "name", "string", SensitivityTag.PERSON_NAME);
  public final Dataset region =
      Dataset.column(person, "region_code", "string", SensitivityTag.NONE);
  public final Dataset resource = Dataset.directoryResource(populationResource(), PROVINCE);
  public final Dataset cityCopy = Dataset.table("shared", "population_person_440100", CITY);

  public final LineageProcess ingest =
      LineageProcess.pipelineRun(
          "ingest-population",
          "run-7",
          PROVINCE,
          List.of(extract),
          List.of(person),
          T0,
          T0.plusSeconds(600),
          "SUCCEEDED");
  public final LineageProcess publish =
      LineageProcess.pipelineRun(
          "publish-lists",
          "run-3",
          PROVINCE,
          List.of(person),
          List.of(resource),
          T0.plusSeconds(700),
          T0.plusSeconds(760),
          "SUCCEEDED");
  public final DeliveryManifest manifest =
      new DeliveryManifest(
          "sub-17/run-3",
          ResourceCode.parse(resource.properties().get("resourceCode"), "resourceCode"),
          "5723401293847112",
          null,
          List.of(new ManifestField("id_number", "string"), new ManifestField("name", "string")),
          1200,
          64_000,
          List.of(new ManifestFile("part-0000.parquet", 64_000, "a".repeat(64))),
          List.of("row-filter:region-440100", "mask:IDENTITY_NUMBER"),
          PROVINCE,
          CITY,
          T0.plusSeconds(800));
  public final LineageProcess delivery =
      LineageProcess.delivery(manifest, resource, cityCopy, T0.plusSeconds(900));

  /** All of the above recorded. */
  public LineageRecords records() {
    LineageRecords records = new LineageRecords();
    for (Dataset dataset : List.of(extract, person, idNumber, name, region, resource, cityCopy)) {
      records.record(dataset);
    }
    for (LineageProcess process : List.of(ingest, publish, delivery)) {
      records.record(process);
    }
    return records;
  }

  /** 人口基本信息, a generated directory entry with personal items. */
  public static InformationResource populationResource() {
    Classification classification =
        new Classification(ResourceCategory.BASIC, "01", "人口", "001", "人口基本信息", null, null);
    String first17 = "11440000" + "MB2C0001" + "7";
    ProviderDepartment provider =
        new ProviderDepartment(
            "广东省公安厅",
            first17 + CreditCodes.checkCharacter(first17),
            "440000",
            AdministrativeLevel.PROVINCE);
    return new InformationResource(
        ResourceCode.of(classification, 42),
        classification,
        "人口基本信息",
        provider,
        "全省户籍人口基本信息 (generated test data)",
        new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
        List.of(
            new InformationItem(
                "公民身份号码", DataType.STRING, 18, null, SensitivityTag.IDENTITY_NUMBER),
            new InformationItem("姓名", DataType.STRING, 50, null, SensitivityTag.PERSON_NAME),
            new InformationItem("行政区划代码", DataType.STRING, 6, null, SensitivityTag.NONE)),
        new ShareAttribute(ShareType.CONDITIONAL, "仅限政务用途", null, ShareMethod.DATABASE_EXCHANGE),
        OpenAttribute.notOpen(),
        UpdateCycle.DAILY,
        null,
        List.of(),
        List.of("人口"),
        new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3));
  }
}
