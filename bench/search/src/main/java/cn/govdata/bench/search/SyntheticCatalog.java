package cn.govdata.bench.search;

import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.directory.Classification;
import cn.govdata.governance.directory.DataCategory;
import cn.govdata.governance.directory.DataGrade;
import cn.govdata.governance.directory.DataType;
import cn.govdata.governance.directory.FormatFamily;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.directory.InformationResource;
import cn.govdata.governance.directory.LifecycleStatus;
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
import cn.govdata.search.CatalogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up directory entries shaped like a province's catalogue: Guangdong's 21 cities, a few dozen
 * departments and subjects, names such as 佛山市公安局户籍人口统计数据(2019年度). Deterministic for a seed, so
 * every run indexes the same catalogue. No real data.
 */
final class SyntheticCatalog {

  static final String[][] CITIES = {
    {"440100", "广州市"}, {"440200", "韶关市"}, {"440300", "深圳市"}, {"440400", "珠海市"},
    {"440500", "汕头市"}, {"440600", "佛山市"}, {"440700", "江门市"}, {"440800", "湛江市"},
    {"440900", "茂名市"}, {"441200", "肇庆市"}, {"441300", "惠州市"}, {"441400", "梅州市"},
    {"441500", "汕尾市"}, {"441600", "河源市"}, {"441700", "阳江市"}, {"441800", "清远市"},
    {"441900", "东莞市"}, {"442000", "中山市"}, {"445100", "潮州市"}, {"445200", "揭阳市"},
    {"445300", "云浮市"}
  };

  /** Department, classification (项), subjects it publishes, items of those subjects. */
  private static final String[][] DEPARTMENTS = {
    {"公安局", "人口", "户籍人口统计,流动人口登记,出入境证件办理,机动车登记", "户籍地址,人口数量,登记日期,办理类型"},
    {"统计局", "宏观经济", "人口普查汇总,国民经济核算,规模以上工业增加值,居民消费价格指数", "统计年度,指标名称,指标数值,计量单位"},
    {"市场监督管理局", "法人", "企业登记信息,个体工商户登记,食品经营许可,特种设备检验", "统一社会信用代码,企业名称,登记机关,成立日期"},
    {"交通运输局", "交通出行", "公交线路及站点,出租车运营统计,道路运输许可,港口货物吞吐量", "线路名称,站点名称,经度,纬度"},
    {"生态环境局", "生态环保", "空气质量监测,水质自动监测,建设项目环评审批,排污许可", "监测站点,监测时间,污染物浓度,空气质量指数"},
    {"卫生健康委员会", "健康保障", "医疗机构名录,执业医师注册,疫苗接种点,出生医学证明", "机构名称,机构地址,床位数,诊疗科目"},
    {"人力资源和社会保障局", "社会保障", "社会保险参保统计,职业技能培训,人力资源市场供求,劳动仲裁案件", "参保险种,参保人数,统计月份,缴费基数"},
    {"教育局", "公共服务", "中小学校名录,学位供给统计,民办学校审批,教师资格认定", "学校名称,办学层次,在校生数,学校地址"},
    {"自然资源局", "自然资源和空间地理", "国有土地出让,不动产登记统计,地质灾害隐患点,测绘成果目录", "宗地编号,用途,面积,出让年限"},
    {"住房和城乡建设局", "城乡建设", "商品房预售许可,建筑施工许可,保障性住房分配,物业服务企业", "项目名称,许可证号,建筑面积,发证日期"}
  };

  private static final String[] SUFFIXES = {"数据", "信息", "目录", "统计表", "汇总", "明细"};

  private final Random random;

  SyntheticCatalog(long seed) {
    this.random = new Random(seed);
  }

  List<CatalogEntry> entries(int count) {
    List<CatalogEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(entry(i));
    }
    return entries;
  }

  private CatalogEntry entry(int number) {
    String[] city = CITIES[random.nextInt(CITIES.length)];
    String[] department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
    String[] subjects = department[2].split(",");
    String subject = subjects[random.nextInt(subjects.length)];
    int year = 2015 + random.nextInt(11);
    String name =
        city[1] + subject + SUFFIXES[random.nextInt(SUFFIXES.length)] + "(" + year + "年度)";
    String departmentName = city[1] + department[0];
    String summary =
        departmentName
            + "按"
            + UpdateCycle.values()[number % UpdateCycle.values().length].chinese()
            + "更新的"
            + subject
            + "，覆盖"
            + city[1]
            + "各区县，第"
            + number
            + "号数据集，可用于"
            + department[1]
            + "领域的分析与公共服务。";
    List<InformationItem> items = new ArrayList<>();
    for (String item : department[3].split(",")) {
      items.add(
          new InformationItem(item, DataType.STRING, 100, subject + item, SensitivityTag.NONE));
    }
    Classification classification =
        new Classification(
            ResourceCategory.THEMATIC,
            String.format("%02d", 1 + List.of(DEPARTMENTS).indexOf(department)),
            department[1],
            "001",
            subject,
            "",
            null);
    boolean open = random.nextInt(10) < 7;
    InformationResource resource =
        new InformationResource(
            ResourceCode.of(classification, number + 1L),
            classification,
            name,
            new ProviderDepartment(
                departmentName, "11440100MB2C00000X", city[0], AdministrativeLevel.CITY),
            summary,
            new ResourceFormat(
                FormatFamily.values()[random.nextInt(FormatFamily.values().length)], null),
            items,
            new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.API),
            open ? new OpenAttribute(OpenType.UNCONDITIONAL, null) : OpenAttribute.notOpen(),
            UpdateCycle.values()[number % UpdateCycle.values().length],
            LocalDate.of(year, 1 + random.nextInt(12), 1),
            List.of(),
            List.of(subject, department[1]),
            new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1));
    return new CatalogEntry(
        "bench-" + number,
        resource,
        LifecycleStatus.PUBLISHED,
        city[1],
        random.nextInt(10_000),
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000)));
  }
}
