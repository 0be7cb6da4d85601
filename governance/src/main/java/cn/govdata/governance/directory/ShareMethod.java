package cn.govdata.governance.directory;

/** 共享方式: how a consumer receives shared data. */
public enum ShareMethod implements Labelled {
  /** 接口服务 */
  API("接口服务", "API service"),
  /** 库表交换 */
  DATABASE_EXCHANGE("库表交换", "Table exchange"),
  /** 文件下载 */
  FILE_DOWNLOAD("文件下载", "File download"),
  /** 在线查询 */
  ONLINE_QUERY("在线查询", "Online query");

  private final String chinese;
  private final String english;

  ShareMethod(String chinese, String english) {
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
