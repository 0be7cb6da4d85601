package cn.govdata.governance.form;

import java.util.Objects;

/**
 * The file as a whole cannot be read as a directory form: wrong format, too large, a required
 * header missing, an encoding that is neither UTF-8 nor GBK, ragged rows. Nothing in such a file is
 * imported. Problems with single cells are not thrown but reported per row in {@link
 * DirectoryFormReport}.
 */
public final class FormException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String rule;

  public FormException(String rule, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public FormException(String rule, String message, Throwable cause) {
    super(message, cause);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** A stable machine-readable name of the rule, e.g. {@code form.header-missing}. */
  public String rule() {
    return rule;
  }
}
