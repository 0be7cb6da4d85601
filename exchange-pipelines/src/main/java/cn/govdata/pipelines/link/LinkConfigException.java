package cn.govdata.pipelines.link;

/** A linkage configuration that cannot run; names the setting and what is wrong with it. */
public final class LinkConfigException extends IllegalArgumentException {

  private final String setting;

  public LinkConfigException(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
