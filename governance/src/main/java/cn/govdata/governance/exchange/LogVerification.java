package cn.govdata.governance.exchange;

import java.util.Optional;

/**
 * What {@link ExchangeLog#verify} found.
 *
 * @param entriesVerified entries that passed every check, from the start of the log
 * @param head the last intact entry's checkpoint
 * @param firstBreak the first entry that failed, if any
 */
public record LogVerification(long entriesVerified, Checkpoint head, Optional<Break> firstBreak) {

  public boolean isIntact() {
    return firstBreak.isEmpty();
  }

  /** Why an entry failed. */
  public enum Reason {
    /** Not a line of JSON with exactly the entry's fields. */
    MALFORMED,
    /** The last line has no newline: an append was cut short by a crash, or bytes were cut. */
    TORN_TAIL,
    /** Valid JSON but not as the log writes it: bytes were changed or re-spelled. */
    NOT_CANONICAL,
    /** The entry names another node than the log's. */
    WRONG_NODE,
    /** The entry's hash does not match its content: the content was changed. */
    CONTENT_CHANGED,
    /** The signature does not verify with the node's key: changed, or signed by another key. */
    BAD_SIGNATURE,
    /** The sequence jumps forward: entries were removed. */
    ENTRY_MISSING,
    /** The sequence goes back or repeats: entries were reordered or inserted. */
    OUT_OF_ORDER,
    /** The entry does not carry the previous entry's hash: an entry before it was replaced. */
    CHAIN_BROKEN,
    /** The log ends before an entry a checkpoint recorded: its tail was cut off. */
    TRUNCATED,
    /** The entry a checkpoint recorded has another hash: the log was rewritten. */
    CHECKPOINT_MISMATCH
  }

  /**
   * The first failure.
   *
   * @param line the 1-based line of the log file
   * @param reason the kind of failure
   * @param detail what was expected and what was found
   */
  public record Break(long line, Reason reason, String detail) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason + " - " + detail;
    }
  }
}
