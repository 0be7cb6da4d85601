package cn.govdata.pipelines.ingest;

/**
 * A source that cannot be read as its mapping says: wrong encoding, missing column, corrupt file.
 * Names the source, the rule and what is wrong, so the department can fix its extract.
 */
public final class SourceException extends RuntimeException {

  private final String source;
  private final String rule;

  public SourceException(String source, String rule, String problem) {
    super(source + ": " + problem + " [" + rule + "]");
    this.source = source;
    this.rule = rule;
  }

  public SourceException(String source, String rule, String problem, Throwable cause) {
    super(source + ": " + problem + " [" + rule + "]", cause);
    this.source = source;
    this.rule = rule;
  }

  public String source() {
    return source;
  }

  public String rule() {
    return rule;
  }
}
