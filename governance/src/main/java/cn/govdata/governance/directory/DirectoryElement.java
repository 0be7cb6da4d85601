package cn.govdata.governance.directory;

/**
 * The core metadata elements of a directory entry and the DCAT-AP 3 property each maps to. The
 * DCAT-AP export and docs/dcat-ap-mapping.md follow this table.
 */
public enum DirectoryElement {
  CLASSIFICATION("信息资源分类", "classification", "dcat:theme"),
  NAME("信息资源名称", "name", "dct:title"),
  CODE("信息资源代码", "code", "dct:identifier"),
  PROVIDER("信息资源提供方", "provider.name", "dct:publisher / foaf:name"),
  PROVIDER_CODE("提供方代码", "provider.creditCode", "dct:publisher / dct:identifier"),
  REGION("行政区划", "provider.regionCode", "dct:spatial"),
  SUMMARY("信息资源摘要", "summary", "dct:description"),
  FORMAT("信息资源格式", "format", "dcat:distribution / dct:format"),
  ITEMS("信息项信息", "items", "dcat:distribution / dct:conformsTo (table schema)"),
  SHARE("共享属性", "share", "dcat:distribution / odrl:hasPolicy"),
  OPEN("开放属性", "open", "dct:accessRights (PUBLIC, RESTRICTED, NON_PUBLIC)"),
  UPDATE_CYCLE("更新周期", "updateCycle", "dct:accrualPeriodicity"),
  PUBLISH_DATE("发布日期", "publishDate", "dct:issued"),
  RELATED("关联资源代码", "relatedCodes", "dct:relation"),
  KEYWORDS("关键字", "keywords", "dcat:keyword"),
  GRADE("数据分级", "grade", "dcatap:applicableLegislation (GB/T 43697) + govdata:grade");

  private final String chinese;
  private final String field;
  private final String dcatProperty;

  DirectoryElement(String chinese, String field, String dcatProperty) {
    this.chinese = chinese;
    this.field = field;
    this.dcatProperty = dcatProperty;
  }

  public String chinese() {
    return chinese;
  }

  /** The field of {@link InformationResource} holding the element. */
  public String field() {
    return field;
  }

  public String dcatProperty() {
    return dcatProperty;
  }
}
