package cn.govdata.governance.policy;

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
import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small zone: a provincial population register shared with a city and a county department. */
final class PolicyFixture {

  static final Classification POPULATION =
      new Classification(
          cn.govdata.governance.directory.ResourceCategory.BASIC,
          "01",
          "人口",
          "001",
          "户籍人口",
          null,
          null);
  static final ProviderDepartment PROVINCE_POLICE =
      new ProviderDepartment(
          "广东省公安厅", "11440000006940001A", "440000", AdministrativeLevel.PROVINCE);
  static final ProviderDepartment FOSHAN_HEALTH =
      new ProviderDepartment("佛山市卫生健康局", "11440600MB2C00002B", "440600", AdministrativeLevel.CITY);
  static final ProviderDepartment NANHAI_CIVIL =
      new ProviderDepartment(
          "佛山市南海区民政局", "11440605MB2C00003C", "440605", AdministrativeLevel.COUNTY);
  static final String PERSON_CODE = "101001/000001";

  private PolicyFixture() {}

  static InformationResource person(ShareType shareType) {
    ShareAttribute share =
        new ShareAttribute(
            shareType,
            shareType == ShareType.CONDITIONAL ? "仅用于政务服务" : null,
            null,
            ShareMethod.API);
    return new InformationResource(
        null,
        POPULATION,
        "户籍人口基本信息",
        PROVINCE_POLICE,
        "全省户籍人口的基本信息",
        new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
        List.of(
            new InformationItem(
                "公民身份号码", DataType.STRING, 18, null, SensitivityTag.IDENTITY_NUMBER),
            new InformationItem("姓名", DataType.STRING, 50, null, SensitivityTag.PERSON_NAME),
            new InformationItem("手机号码", DataType.STRING, 11, null, SensitivityTag.MOBILE),
            new InformationItem("住址", DataType.STRING, 200, null, SensitivityTag.ADDRESS),
            new InformationItem("行政区划代码", DataType.STRING, 6, null, SensitivityTag.NONE)),
        share,
        OpenAttribute.notOpen(),
        UpdateCycle.DAILY,
        null,
        List.of(),
        List.of("人口"),
        new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3));
  }

  static final Map<String, String> COLUMNS =
      Map.of(
          "公民身份号码", "id_number",
          "姓名", "full_name",
          "手机号码", "mobile",
          "住址", "home_address",
          "行政区划代码", "region_code");

  static PolicyInput input() {
    PublishedTable person =
        new PublishedTable(
            person(ShareType.UNCONDITIONAL).withCode(ResourceCode.parse(PERSON_CODE, "code")),
            "population",
            "person",
            COLUMNS,
            "region_code");
    PublishedTable household =
        new PublishedTable(
            person(ShareType.CONDITIONAL).withCode(ResourceCode.parse("101001/000002", "code")),
            "population",
            "household",
            COLUMNS,
            "region_code");
    ApprovedApplication application =
        new ApprovedApplication(
            household.resource().code(),
            FOSHAN_HEALTH,
            null,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31));
    return new PolicyInput(
        List.of(person, household),
        List.of(PROVINCE_POLICE, FOSHAN_HEALTH, NANHAI_CIVIL),
        List.of(application));
  }
}
