package cn.govdata.governance.form;

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

/** Generated (fictitious) directory entries for the form tests. */
final class SampleResources {

  static final String CREDIT_CODE =
      CreditCodes.compose(
          '1', '1', "440600", "K0000001" + OrganizationCodes.checkCharacter("K0000001"));

  private SampleResources() {}

  static ProviderDepartment provider() {
    return new ProviderDepartment("佛山市公安局", CREDIT_CODE, "440600", AdministrativeLevel.CITY);
  }

  /** Population data: shared on conditions, never opened, with personal items. */
  static InformationResource residents() {
    return new InformationResource(
        new ResourceCode("101001", 1),
        new Classification(ResourceCategory.BASIC, "01", "人口", "001", "户籍人口", null, null),
        "佛山市户籍人口基本信息",
        provider(),
        "佛山市户籍人口的身份、出生与户籍地址信息，每日更新。",
        new ResourceFormat(FormatFamily.DATABASE, "PostgreSQL"),
        List.of(
            new InformationItem(
                "公民身份号码", DataType.STRING, 18, null, SensitivityTag.IDENTITY_NUMBER),
            new InformationItem("姓名", DataType.STRING, 50, "户籍登记姓名", SensitivityTag.PERSON_NAME),
            new InformationItem("出生日期", DataType.DATE, null, null, SensitivityTag.NONE),
            new InformationItem("户籍地址", DataType.STRING, 200, "含; 和: 的说明", SensitivityTag.ADDRESS)),
        new ShareAttribute(ShareType.CONDITIONAL, "仅用于政务服务身份核验", null, ShareMethod.API),
        OpenAttribute.notOpen(),
        UpdateCycle.DAILY,
        LocalDate.of(2025, 3, 1),
        List.of(new ResourceCode("101002", 3)),
        List.of("户籍", "人口"),
        new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3));
  }

  /** Statistics: shared and opened without conditions, no personal items. */
  static InformationResource statistics() {
    return new InformationResource(
        new ResourceCode("104001001", 12),
        new Classification(ResourceCategory.BASIC, "04", "宏观经济", "001", "国民经济核算", "001", "地区生产总值"),
        "佛山市地区生产总值季度数据",
        new ProviderDepartment("佛山市统计局", CREDIT_CODE, "440600", AdministrativeLevel.CITY),
        "按行业分列的地区生产总值，季度发布。",
        new ResourceFormat(FormatFamily.SPREADSHEET, "xlsx"),
        List.of(
            new InformationItem("统计季度", DataType.STRING, 7, null, SensitivityTag.NONE),
            new InformationItem("行业名称", DataType.STRING, 50, null, SensitivityTag.NONE),
            new InformationItem("增加值", DataType.CURRENCY, null, "亿元", SensitivityTag.NONE)),
        new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.FILE_DOWNLOAD),
        new OpenAttribute(OpenType.UNCONDITIONAL, null),
        UpdateCycle.QUARTERLY,
        null,
        List.of(),
        List.of("GDP", "统计"),
        new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1));
  }

  /** Not shared, citing the law. */
  static InformationResource secret() {
    return new InformationResource(
        null,
        new Classification(ResourceCategory.DEPARTMENTAL, "01", "公安", "002", "案件", null, null),
        "刑事案件侦查信息",
        provider(),
        "侦查中的刑事案件信息。",
        new ResourceFormat(FormatFamily.DATABASE, null),
        List.of(new InformationItem("案件编号", DataType.STRING, 30, null, null)),
        new ShareAttribute(ShareType.NOT_SHARED, null, "《中华人民共和国刑事诉讼法》", null),
        OpenAttribute.notOpen(),
        UpdateCycle.REAL_TIME,
        null,
        List.of(),
        List.of(),
        new DataGrade(DataCategory.CORE, SensitivityLevel.L4));
  }
}
