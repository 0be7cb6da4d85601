package cn.govdata.governance.exchange;

/**
 * Thrown when exchanged data or its evidence does not match what was signed or recorded: a bad
 * signature, a file whose checksum differs from its manifest, a receipt for another manifest.
 */
public final class IntegrityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String subject;

  /**
   * @param subject what failed the check, e.g. {@code signature} or {@code files[2].sha256}
   * @param message what was expected and what was found
   */
  public IntegrityException(String subject, String message) {
    super(subject + ": " + message);
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
