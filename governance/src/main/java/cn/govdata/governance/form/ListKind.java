package cn.govdata.governance.form;

/** Which list a written form holds; it chooses the columns and the sheet name. */
public enum ListKind {
  /** 资源目录: every column of the directory form, so the file can be imported again. */
  DIRECTORY("资源目录"),
  /** 共享清单: what a consuming department needs to know to ask for the data. */
  SHARED_LIST("共享清单"),
  /** 开放清单: what the public sees, with the open batch and its dates. */
  OPEN_LIST("开放清单");

  private final String sheetName;

  ListKind(String sheetName) {
    this.sheetName = sheetName;
  }

  public String sheetName() {
    return sheetName;
  }
}
