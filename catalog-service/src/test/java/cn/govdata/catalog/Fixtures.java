package cn.govdata.catalog;

import cn.govdata.governance.codes.CreditCodes;
import cn.govdata.governance.codes.OrganizationCodes;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.OpenAttribute;
import cn.govdata.governance.directory.OpenType;
import cn.govdata.governance.directory.ProviderDepartment;
import cn.govdata.governance.directory.ResourceCategory;
import cn.govdata.governance.directory.ResourceFormat;
import cn.govdata.governance.directory.SensitivityLevel;
import cn.govdata.governance.directory.SensitivityTag;
import cn.govdata.governance.directory.ShareAttribute;
import cn.govdata.governance.directory.ShareMethod;
import cn.govdata.governance.directory.ShareType;
import cn.govdata.governance.directory.UpdateCycle;
import java.util.List;

/** Generated test data: departments with valid credit codes and directory resources. */
public final class Fixtures {

  private Fixtures() {}

  /** A department with a generated, valid unified social credit code (机关, category 1 1). */
  public static ProviderDepartment department(
      String name, int seed, String regionCode, AdministrativeLevel level) {
    String body = String.format("%08d", 10_000_000 + seed);
    String organisationCode = body + OrganizationCodes.checkCharacter(body);
    return new ProviderDepartment(
        name, CreditCodes.compose('1', '1', regionCode, organisationCode), regionCode, level);
  }

  public static Classification departmental(String catalogueCode, String catalogueName) {
    return new Classification(
        ResourceCategory.DEPARTMENTAL, "01", "部门业务", catalogueCode, catalogueName, null, null);
  }

  /** Opened without conditions: general L1 data without personal items. */
  public static InformationResource openResource(
      ProviderDepartment provider, Classification classification, String name) {
    return resource(
        provider,
        classification,
        name,
        new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.API),
        new OpenAttribute(OpenType.UNCONDITIONAL, null),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1));
  }

  /** Shared on conditions between departments, never opened. */
  public static InformationResource sharedResource(
      ProviderDepartment provider, Classification classification, String name) {
    return resource(
        provider,
        classification,
        name,
        new ShareAttribute(ShareType.CONDITIONAL, "仅用于行政审批核验", null, ShareMethod.API),
        OpenAttribute.notOpen(),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2));
  }

  /** Shared and opened on conditions: applications decide who reads it. */
  public static InformationResource conditionalResource(
      ProviderDepartment provider, Classification classification, String name) {
    return resource(
        provider,
        classification,
        name,
        new ShareAttribute(ShareType.CONDITIONAL, "仅用于行政审批核验", null, ShareMethod.API),
        new OpenAttribute(OpenType.CONDITIONAL, "申请并签署数据使用协议"),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2));
  }

  /** Neither shared nor opened. */
  public static InformationResource closedResource(
      ProviderDepartment provider, Classification classification, String name) {
    return resource(
        provider,
        classification,
        name,
        new ShareAttribute(ShareType.NOT_SHARED, null, "《中华人民共和国保守国家秘密法》第二条", null),
        OpenAttribute.notOpen(),
        new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3));
  }

  static InformationResource resource(
      ProviderDepartment provider,
      Classification classification,
      String name,
      ShareAttribute share,
      OpenAttribute open,
      DataGrade grade) {
    return new InformationResource(
        null,
        classification,
        name,
        provider,
        name + "的摘要：测试数据，由测试生成",
        new ResourceFormat(FormatFamily.SPREADSHEET, "xlsx"),
        List.of(
            new InformationItem("统计日期", DataType.DATE, 10, "统计截止日期", SensitivityTag.NONE),
            new InformationItem("数量", DataType.NUMBER, 12, "件数", SensitivityTag.NONE)),
        share,
        open,
        UpdateCycle.MONTHLY,
        null,
        List.of(),
        List.of("测试"),
        grade);
  }

  /** A stored entry (id 1, department 1) of the resource, with a code, in the given status. */
  public static cn.govdata.catalog.directory.Entry entry(
      InformationResource resource, cn.govdata.governance.directory.LifecycleStatus status) {
    var code =
        new cn.govdata.governance.directory.ResourceCode(resource.classification().frontCode(), 1);
    return new cn.govdata.catalog.directory.Entry(
        1,
        1,
        status,
        1,
        null,
        resource.withCode(code),
        java.time.Instant.now(),
        java.time.Instant.now());
  }
}
