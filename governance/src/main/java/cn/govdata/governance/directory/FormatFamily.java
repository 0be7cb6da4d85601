package cn.govdata.governance.directory;

/** 信息资源格式: the format families of the directory guide. */
public enum FormatFamily implements Labelled {
  /** 电子文件 */
  ELECTRONIC_FILE("电子文件", "Electronic file"),
  /** 电子表格 */
  SPREADSHEET("电子表格", "Spreadsheet"),
  /** 数据库 */
  DATABASE("数据库", "Database"),
  /** 图形图像 */
  IMAGE("图形图像", "Image"),
  /** 流媒体 */
  STREAMING_MEDIA("流媒体", "Streaming media"),
  /** 自描述格式 */
  SELF_DESCRIBING("自描述格式", "Self-describing format"),
  /** 接口 */
  API("接口", "API");

  private final String chinese;
  private final String english;

  FormatFamily(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  @Override
  public String chinese() {
    return chinese;
  }

  @Override
  public String english() {
    return english;
  }
}
