package cn.govdata.search;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds made-up directory entries for tests; departments and codes are invented. */
final class Entries {

  private String id = "e1";
  private String name = "广州市人口普查数据";
  private String summary = "第七次全国人口普查广州市各区常住人口、户籍人口统计汇总";
  private String department = "广州市统计局";
  private String region = "440100";
  private String regionName = "广州市";
  private AdministrativeLevel level = AdministrativeLevel.CITY;
  private ResourceCategory category = ResourceCategory.BASIC;
  private String classification = "人口";
  private FormatFamily format = FormatFamily.SPREADSHEET;
  private UpdateCycle cycle = UpdateCycle.YEARLY;
  private final List<InformationItem> items = new ArrayList<>();
  private List<String> keywords = List.of();
  private boolean open = true;
  private long popularity;
  private Instant updatedAt = Instant.parse("2026-01-01T00:00:00Z");
  private long sequence = 1;

  static Entries entry(String id, String name) {
    Entries entries = new Entries();
    entries.id = id;
    entries.name = name;
    entries.sequence = Math.abs(id.hashCode() % 100_000) + 1;
    return entries;
  }

  Entries summary(String text) {
    this.summary = text;
    return this;
  }

  Entries department(String departmentName, String regionCode, String regionLabel) {
    this.department = departmentName;
    this.region = regionCode;
    this.regionName = regionLabel;
    return this;
  }

  Entries level(AdministrativeLevel value) {
    this.level = value;
    return this;
  }

  Entries classification(ResourceCategory kind, String itemName) {
    this.category = kind;
    this.classification = itemName;
    return this;
  }

  Entries format(FormatFamily value) {
    this.format = value;
    return this;
  }

  Entries cycle(UpdateCycle value) {
    this.cycle = value;
    return this;
  }

  Entries item(String itemName, String description) {
    items.add(new InformationItem(itemName, DataType.STRING, 50, description, SensitivityTag.NONE));
    return this;
  }

  Entries keywords(String... values) {
    this.keywords = List.of(values);
    return this;
  }

  /** On the shared list only (有条件共享, 不予开放), with personal data. */
  Entries sharedOnly() {
    this.open = false;
    return this;
  }

  Entries popularity(long value) {
    this.popularity = value;
    return this;
  }

  Entries updatedAt(String instant) {
    this.updatedAt = Instant.parse(instant);
    return this;
  }

  InformationResource resource() {
    Classification classes =
        new Classification(
            category, "01", classification, "001", classification + "基本信息", "", null);
    List<InformationItem> allItems = new ArrayList<>(items);
    if (allItems.isEmpty()) {
      allItems.add(new InformationItem("统计年度", DataType.STRING, 4, "数据所属年度", SensitivityTag.NONE));
    }
    if (!open) {
      allItems.add(
          new InformationItem("姓名", DataType.STRING, 50, null, SensitivityTag.PERSON_NAME));
    }
    return new InformationResource(
        ResourceCode.of(classes, sequence),
        classes,
        name,
        new ProviderDepartment(department, "11440100MB2C00000X", region, level),
        summary,
        new ResourceFormat(format, null),
        allItems,
        open
            ? new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.FILE_DOWNLOAD)
            : new ShareAttribute(ShareType.CONDITIONAL, "仅限社保经办业务使用", null, ShareMethod.API),
        open ? new OpenAttribute(OpenType.UNCONDITIONAL, null) : OpenAttribute.notOpen(),
        cycle,
        LocalDate.of(2025, 6, 1),
        List.of(),
        keywords,
        open
            ? new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1)
            : new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3));
  }

  CatalogEntry build() {
    return new CatalogEntry(
        id, resource(), LifecycleStatus.PUBLISHED, regionName, popularity, updatedAt);
  }
}
