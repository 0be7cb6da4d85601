package cn.govdata.governance.basedatabase;

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
import cn.govdata.governance.policy.PublishedTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory entries (信息资源目录) of the tables the base-database pipelines publish (基础数据库: 人口, 法人,
 * 自然资源和空间地理, 宏观经济), each bound to its Iceberg table: information items with their sensitivity, so
 * the policy compiler masks them, and the region column its row filters use. The pipelines test
 * their real tables against these descriptions ({@code exchange-pipelines}' {@code
 * BaseDatabaseDescriptionsIT}); the SQL gateway's demo compiles them into its policies, and a zone
 * registers them in its catalog with the same table mappings.
 *
 * <p>Every column of a table is described, including the pipelines' own (provenance, run id): the
 * gateway denies a column no policy covers, so an undescribed column would break {@code SELECT *}.
 */
public final class BaseDatabaseTables {

  /** 广东省公安厅: provides the population base database. */
  public static final ProviderDepartment PROVINCE_PUBLIC_SECURITY =
      new ProviderDepartment(
          "广东省公安厅", "11440000006940001A", "440000", AdministrativeLevel.PROVINCE);

  /** 广东省市场监督管理局: provides the legal-entity base database. */
  public static final ProviderDepartment PROVINCE_MARKET_REGULATION =
      new ProviderDepartment(
          "广东省市场监督管理局", "11440000006940006F", "440000", AdministrativeLevel.PROVINCE);

  /** 广东省自然资源厅: provides the geospatial base database. */
  public static final ProviderDepartment PROVINCE_NATURAL_RESOURCES =
      new ProviderDepartment(
          "广东省自然资源厅", "11440000006940007G", "440000", AdministrativeLevel.PROVINCE);

  /** 广东省统计局: provides the macroeconomic base database. */
  public static final ProviderDepartment PROVINCE_STATISTICS =
      new ProviderDepartment(
          "广东省统计局", "11440000006940008H", "440000", AdministrativeLevel.PROVINCE);

  public static final String POPULATION = "population";
  public static final String LEGAL_ENTITY = "legal_entity";
  public static final String GEOSPATIAL = "geospatial";
  public static final String MACROECONOMIC = "macroeconomic";

  private static final ShareAttribute SHARED =
      new ShareAttribute(ShareType.UNCONDITIONAL, null, null, ShareMethod.DATABASE_EXCHANGE);
  private static final OpenAttribute OPEN = new OpenAttribute(OpenType.UNCONDITIONAL, null);

  private BaseDatabaseTables() {}

  /** The providers of the base databases. */
  public static List<ProviderDepartment> providers() {
    return List.of(
        PROVINCE_PUBLIC_SECURITY,
        PROVINCE_MARKET_REGULATION,
        PROVINCE_NATURAL_RESOURCES,
        PROVINCE_STATISTICS);
  }

  /** Every published base-database table. */
  public static List<PublishedTable> all() {
    return List.of(
        goldenPerson(),
        goldenEntity(),
        divisions(),
        divisionHistory(),
        boundaries(),
        pointDivisions(),
        observations());
  }

  /** {@code population.golden_person}: 标准人口信息, one golden record per person. */
  public static PublishedTable goldenPerson() {
    return new Table(POPULATION, "golden_person", "division_code")
        .column("人员标识", "person_id", DataType.STRING)
        .column("公民身份号码", "id_number", DataType.STRING, SensitivityTag.IDENTITY_NUMBER)
        .column("姓名", "name", DataType.STRING, SensitivityTag.PERSON_NAME)
        .column("曾用名", "former_name", DataType.STRING, SensitivityTag.PERSON_NAME)
        .column("性别", "sex", DataType.STRING)
        .column("出生日期", "birth_date", DataType.STRING)
        .column("民族", "ethnicity", DataType.STRING)
        .column("住址", "address", DataType.STRING, SensitivityTag.ADDRESS)
        .column("联系电话", "phone", DataType.STRING, SensitivityTag.MOBILE)
        .column("婚姻状况", "marital_status", DataType.STRING)
        .column("行政区划代码", "division_code", DataType.STRING)
        .lineage()
        .entry(
            basic("01", "人口", "003", "人口基础信息"),
            1,
            "标准人口信息",
            PROVINCE_PUBLIC_SECURITY,
            SHARED,
            OpenAttribute.notOpen(),
            new DataGrade(DataCategory.IMPORTANT, SensitivityLevel.L3),
            UpdateCycle.DAILY);
  }

  /** {@code legal_entity.golden_entity}: 法人单位基础信息, one golden record per legal entity. */
  public static PublishedTable goldenEntity() {
    return new Table(LEGAL_ENTITY, "golden_entity", "division_code")
        .column("法人单位标识", "entity_id", DataType.STRING)
        .column("统一社会信用代码", "credit_code", DataType.STRING, SensitivityTag.CREDIT_CODE)
        .column("组织机构代码", "organisation_code", DataType.STRING)
        .column("注册号", "registration_number", DataType.STRING)
        .column("名称", "name", DataType.STRING)
        .column("法定代表人", "representative", DataType.STRING, SensitivityTag.PERSON_NAME)
        .column("住所", "address", DataType.STRING, SensitivityTag.ADDRESS)
        .column("成立日期", "founded", DataType.STRING)
        .column("注册资本", "capital", DataType.STRING)
        .column("业务主管单位", "supervisor", DataType.STRING)
        .column("联系电话", "phone", DataType.STRING, SensitivityTag.LANDLINE)
        .column("行政区划代码", "division_code", DataType.STRING)
        .lineage()
        .entry(
            basic("02", "法人", "005", "法人基础信息"),
            1,
            "法人单位基础信息",
            PROVINCE_MARKET_REGULATION,
            SHARED,
            OpenAttribute.notOpen(),
            new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2),
            UpdateCycle.DAILY);
  }

  /** {@code geospatial.divisions}: 行政区划代码 (GB/T 2260), current and retired codes. */
  public static PublishedTable divisions() {
    return new Table(GEOSPATIAL, "divisions", null)
        .column("区划代码", "code", DataType.STRING)
        .column("区划名称", "name", DataType.STRING)
        .column("区划级别", "level", DataType.STRING)
        .column("上级区划代码", "parent", DataType.STRING)
        .column("是否有效", "valid", DataType.BOOLEAN)
        .column("有效期至", "valid_until", DataType.DATE)
        .column("继承区划代码", "successor", DataType.STRING)
        .runId()
        .openEntry(administrativeDivisions(), 1, "行政区划代码");
  }

  /** {@code geospatial.division_history}: 行政区划变更, old code to new code. */
  public static PublishedTable divisionHistory() {
    return new Table(GEOSPATIAL, "division_history", null)
        .column("原区划代码", "old_code", DataType.STRING)
        .column("原区划名称", "old_name", DataType.STRING)
        .column("新区划代码", "new_code", DataType.STRING)
        .column("新区划名称", "new_name", DataType.STRING)
        .column("变更日期", "change_date", DataType.DATE)
        .column("日期精度", "date_precision", DataType.STRING)
        .column("变更类型", "kind", DataType.STRING)
        .runId()
        .openEntry(administrativeDivisions(), 2, "行政区划变更");
  }

  /** {@code geospatial.boundaries}: 行政区划界线 of Guangdong's cities, as WKT. */
  public static PublishedTable boundaries() {
    return new Table(GEOSPATIAL, "boundaries", null)
        .column("区划代码", "code", DataType.STRING)
        .column("区划名称", "name", DataType.STRING)
        .column("区划级别", "level", DataType.STRING)
        .column("坐标系", "frame", DataType.STRING)
        .column("面积", "area_km2", DataType.NUMBER)
        .column("几何形状", "wkt", DataType.TEXT)
        .runId()
        .openEntry(administrativeDivisions(), 3, "行政区划界线");
  }

  /**
   * {@code geospatial.point_divisions}: 服务网点空间化, the departments' service locations with the
   * division each lies in. Shared, not open; city and county departments see their region's rows.
   */
  public static PublishedTable pointDivisions() {
    return new Table(GEOSPATIAL, "point_divisions", "division_code")
        .column("网点标识", "id", DataType.STRING)
        .column("经度", "lon", DataType.STRING)
        .column("纬度", "lat", DataType.STRING)
        .column("坐标系", "crs", DataType.STRING)
        .column("地址", "address", DataType.STRING)
        .column("行政区划代码", "division_code", DataType.STRING)
        .column("地市代码", "city_code", DataType.STRING)
        .column("落区方法", "method", DataType.STRING)
        .column("未落区原因", "rule", DataType.STRING)
        .runId()
        .entry(
            basic("03", "自然资源和空间地理", "008", "服务网点"),
            1,
            "服务网点空间化信息",
            PROVINCE_NATURAL_RESOURCES,
            SHARED,
            OpenAttribute.notOpen(),
            new DataGrade(DataCategory.GENERAL, SensitivityLevel.L2),
            UpdateCycle.IRREGULAR);
  }

  /** {@code macroeconomic.observations}: 宏观经济指标, standardised values per region and period. */
  public static PublishedTable observations() {
    return new Table(MACROECONOMIC, "observations", null)
        .column("指标代码", "indicator_code", DataType.STRING)
        .column("指标名称", "indicator_name", DataType.STRING)
        .column("计量单位", "unit", DataType.STRING)
        .column("频度", "frequency", DataType.STRING)
        .column("行政区划代码", "region_code", DataType.STRING)
        .column("行政区划名称", "region_name", DataType.STRING)
        .column("上级区划代码", "parent_code", DataType.STRING)
        .column("统计期", "period", DataType.STRING)
        .column("年度", "year", DataType.NUMBER)
        .column("当期值", "value_current", DataType.NUMBER)
        .column("累计值", "value_cumulative", DataType.NUMBER)
        .column("报送口径", "reported_measure", DataType.STRING)
        .column("报送值", "reported_value", DataType.STRING)
        .column("报送单位", "reported_unit", DataType.STRING)
        .column("来源部门", "source", DataType.STRING)
        .column("来源记录", "record_id", DataType.STRING)
        .column("是否离群", "outlier", DataType.BOOLEAN)
        .runId()
        .entry(
            basic("04", "宏观经济", "008", "宏观经济指标"),
            1,
            "宏观经济指标数据",
            PROVINCE_STATISTICS,
            SHARED,
            OPEN,
            new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1),
            UpdateCycle.MONTHLY);
  }

  private static Classification administrativeDivisions() {
    return basic("03", "自然资源和空间地理", "006", "行政区划");
  }

  private static Classification basic(
      String itemCode, String itemName, String catalogueCode, String catalogueName) {
    return new Classification(
        ResourceCategory.BASIC, itemCode, itemName, catalogueCode, catalogueName, null, null);
  }

  /** A table's columns in order, each with the information item it holds. */
  private static final class Table {
    private final String database;
    private final String name;
    private final String regionColumn;
    private final List<InformationItem> items = new ArrayList<>();
    private final Map<String, String> columns = new LinkedHashMap<>();

    Table(String database, String name, String regionColumn) {
      this.database = database;
      this.name = name;
      this.regionColumn = regionColumn;
    }

    /** A column holding nothing sensitive. */
    Table column(String item, String column, DataType type) {
      return column(item, column, type, SensitivityTag.NONE);
    }

    Table column(String item, String column, DataType type, SensitivityTag tag) {
      items.add(new InformationItem(item, type, null, null, tag));
      columns.put(item, column);
      return this;
    }

    /** The columns every base-database pipeline adds to its golden records. */
    Table lineage() {
      return column("来源记录", "provenance", DataType.TEXT)
          .column("来源记录数", "record_count", DataType.NUMBER)
          .column("来源部门", "sources", DataType.TEXT)
          .runId();
    }

    /** The run that wrote the row, as every pipeline records it. */
    Table runId() {
      return column("批次标识", "run_id", DataType.STRING);
    }

    /** An open, unconditionally shared reference table of the natural resources department. */
    PublishedTable openEntry(Classification classification, long sequence, String title) {
      return entry(
          classification,
          sequence,
          title,
          PROVINCE_NATURAL_RESOURCES,
          SHARED,
          OPEN,
          new DataGrade(DataCategory.GENERAL, SensitivityLevel.L1),
          UpdateCycle.YEARLY);
    }

    PublishedTable entry(
        Classification classification,
        long sequence,
        String title,
        ProviderDepartment provider,
        ShareAttribute share,
        OpenAttribute open,
        DataGrade grade,
        UpdateCycle cycle) {
      InformationResource resource =
          new InformationResource(
              ResourceCode.of(classification, sequence),
              classification,
              title,
              provider,
              title + "(基础数据库 " + database + "." + name + ",由数据治理流水线汇聚生成)",
              new ResourceFormat(FormatFamily.DATABASE, "Iceberg"),
              items,
              share,
              open,
              cycle,
              null,
              List.of(),
              List.of(),
              grade);
      return new PublishedTable(resource, database, name, columns, regionColumn);
    }
  }
}
