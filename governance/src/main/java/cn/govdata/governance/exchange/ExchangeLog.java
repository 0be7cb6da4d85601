package cn.govdata.governance.exchange;

import cn.govdata.governance.exchange.LogVerification.Break;
import cn.govdata.governance.exchange.LogVerification.Reason;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node's exchange log (交换日志): an append-only file of JSON lines, one per exchange event, each
 * carrying the previous entry's hash and the node's signature. Any later change to the file — an
 * edited, removed, inserted or reordered entry, a re-signed entry, a changed byte — is found by
 * {@link #verify}; a cut-off tail is found when a {@link Checkpoint} of a later head is known.
 *
 * <p>One process appends to a node's log at a time (a file lock enforces it); each entry is forced
 * to disk before {@link #append} returns. An append cut short by a crash leaves an incomplete last
 * line; the next {@link #open} cuts it off and records that it did.
 */
public final class ExchangeLog implements Closeable {

  /** The {@code prev} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final Set<String> FIELDS =
      Set.of("seq", "at", "node", "kind", "subject", "data", "prev", "hash", "sig");

  private final NodeKey key;
  private final Clock clock;
  private final FileChannel channel;
  private final FileLock lock;
  private Checkpoint head;
  private boolean failed;

  private ExchangeLog(
      NodeKey key, Clock clock, FileChannel channel, FileLock lock, Checkpoint head) {
    this.key = key;
    this.clock = clock;
    this.channel = channel;
    this.lock = lock;
    this.head = head;
  }

  /**
   * Opens (or creates) the log at {@code file} for appending as {@code key}'s node, after checking
   * that the existing content verifies with that key.
   *
   * @throws IntegrityException if the existing log does not verify; nothing is appended to a broken
   *     log
   * @throws IllegalStateException if another process holds the log
   */
  public static ExchangeLog open(Path file, NodeKey key, Clock clock) {
    try {
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this same process
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("exchange log " + file + " is open in another process");
      }
      Checked existing =
          check(LogLines.of(channel), key.nodeId(), key.publicKey(), Optional.empty());
      LogVerification verification = existing.verification();
      boolean torn =
          verification.firstBreak().map(b -> b.reason() == Reason.TORN_TAIL).orElse(false);
      if (!verification.isIntact() && !torn) {
        lock.release();
        channel.close();
        throw new IntegrityException(
            file.toString(), "exchange log does not verify: " + verification.firstBreak().get());
      }
      ExchangeLog log = new ExchangeLog(key, clock, channel, lock, verification.head());
      if (torn) {
        log.discardTornTail(existing.intactBytes());
      }
      channel.position(channel.size());
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open exchange log " + file, e);
    }
  }

  /**
   * Cuts off the incomplete last line a crash left behind and records that it did, with the size
   * and hash of what was cut: the entry was never acknowledged (its append did not return), and the
   * record of the repair is itself signed and chained.
   */
  private void discardTornTail(long keep) throws IOException {
    ByteBuffer tail = ByteBuffer.allocate((int) (channel.size() - keep));
    while (tail.hasRemaining() && channel.read(tail, keep + tail.position()) >= 0) {
      // read the torn line whole: it is recorded by its hash
    }
    channel.truncate(keep);
    channel.force(true);
    channel.position(keep);
    append(
        "log.torn-tail-discarded",
        "exchange-log",
        Map.of(
            "bytes",
            (long) tail.position(),
            "sha256",
            Sha256.hex(Arrays.copyOf(tail.array(), tail.position()))));
  }

  /**
   * Appends one event, signed, and forces it to disk.
   *
   * @throws UncheckedIOException if the write fails; the log then refuses further appends until it
   *     is opened again, which cuts off the partial line
   */
  public synchronized LogEntry append(String kind, String subject, Map<String, Object> data) {
    if (failed) {
      throw new IllegalStateException(
          "an earlier append to the exchange log failed; open the log again to repair it");
    }
    long seq = head.seq() + 1;
    Instant at = clock.instant();
    Map<String, Object> body =
        LogEntry.body(seq, at, key.nodeId(), kind, subject, data, head.hash());
    byte[] signed = CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
    LogEntry entry =
        new LogEntry(
            seq,
            at,
            key.nodeId(),
            kind,
            subject,
            data,
            head.hash(),
            Sha256.hex(signed),
            key.sign(signed));
    byte[] lineBytes = entry.line().getBytes(StandardCharsets.UTF_8);
    byte[] line = Arrays.copyOf(lineBytes, lineBytes.length + 1);
    line[lineBytes.length] = '\n';
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      // Part of the line may be on disk: another line after it would break the chain mid-file.
      failed = true;
      throw new UncheckedIOException("cannot append to the exchange log", e);
    }
    head = new Checkpoint(key.nodeId(), seq, Sha256.hex(lineBytes));
    return entry;
  }

  /** The last entry's checkpoint, to hand to peers or auditors (signed, if they need proof). */
  public synchronized Checkpoint head() {
    return head;
  }

  @Override
  public synchronized void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the exchange log", e);
    }
  }

  /**
   * Verifies the log file of {@code nodeId}; see {@link #verify(byte[], String, PublicKey,
   * Optional)}.
   */
  public static LogVerification verify(
      Path file, String nodeId, PublicKey nodeKey, Optional<Checkpoint> checkpoint) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return check(LogLines.of(channel), nodeId, nodeKey, checkpoint).verification();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read exchange log " + file, e);
    }
  }

  /**
   * Checks the log and reports the first entry that fails and why: its form, its content against
   * its hash, its place in the sequence and the chain, its signature with {@code nodeKey}, and,
   * when a checkpoint is given, that the log reaches the checkpoint's entry with the same hash.
   *
   * <p>Each entry's {@code prev} is the SHA-256 of the whole previous line, signature included, so
   * one valid signature vouches for every line before it. The check therefore hashes every line but
   * verifies few signatures: the last entry of the well-formed prefix, and when that one fails, a
   * binary search for the first entry whose signature does not verify. It reads the log once, a
   * line at a time, and keeps only each line's position.
   */
  public static LogVerification verify(
      byte[] content, String nodeId, PublicKey nodeKey, Optional<Checkpoint> checkpoint) {
    try {
      return check(LogLines.of(content), nodeId, nodeKey, checkpoint).verification();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen reading from memory", e);
    }
  }

  /**
   * What {@link #check} found, and how many bytes at the start of the log are whole lines that
   * verified.
   */
  private record Checked(LogVerification verification, long intactBytes) {}

  private static Checked check(
      LogLines lines, String nodeId, PublicKey nodeKey, Optional<Checkpoint> checkpoint)
      throws IOException {
    LineIndex index = new LineIndex();
    Break firstBreak = null;
    String previousHash = GENESIS;
    LogLines.Line line;
    while ((line = lines.next()) != null) {
      long number = index.size() + 1;
      if (line.tooLong()) {
        firstBreak =
            new Break(number, Reason.MALFORMED, "the line is longer than any entry can be");
        break;
      }
      if (!line.complete()) {
        firstBreak =
            new Break(
                number,
                Reason.TORN_TAIL,
                "the last line does not end with a newline: an append was torn or bytes were cut");
        break;
      }
      LineResult checked = checkLine(line.bytes(), number, nodeId, index.size(), previousHash);
      if (checked.failure() != null) {
        firstBreak = checked.failure();
        break;
      }
      String lineHash = Sha256.hex(line.bytes());
      if (checkpoint.isPresent()
          && checkpoint.get().seq() == number
          && !lineHash.equals(checkpoint.get().hash())) {
        firstBreak =
            new Break(
                number,
                Reason.CHECKPOINT_MISMATCH,
                "entry "
                    + number
                    + " is not the entry the checkpoint recorded: the log was rewritten");
        break;
      }
      index.add(line.offset(), line.bytes().length);
      previousHash = lineHash;
    }
    if (firstBreak == null && checkpoint.isPresent() && checkpoint.get().seq() > index.size()) {
      firstBreak =
          new Break(
              index.size() + 1,
              Reason.TRUNCATED,
              "the log ends at entry "
                  + index.size()
                  + " but a checkpoint recorded entry "
                  + checkpoint.get().seq());
    }
    int authentic = authenticPrefix(lines, index, nodeKey);
    if (authentic < index.size()) {
      firstBreak =
          new Break(
              authentic + 1,
              Reason.BAD_SIGNATURE,
              "entry "
                  + (authentic + 1)
                  + "'s signature does not verify with the key of "
                  + nodeId
                  + ": it was changed or signed by another key");
    }
    Checkpoint head =
        authentic == 0
            ? new Checkpoint(nodeId, 0, GENESIS)
            : new Checkpoint(nodeId, authentic, Sha256.hex(index.reread(lines, authentic)));
    long intactBytes = authentic == 0 ? 0 : index.end(authentic);
    return new Checked(
        new LogVerification(authentic, head, Optional.ofNullable(firstBreak)), intactBytes);
  }

  /** Where each well-formed line lies: 12 bytes per entry, whatever the entry holds. */
  private static final class LineIndex {
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
    private int size;

    void add(long offset, int length) {
      if (size == offsets.length) {
        offsets = Arrays.copyOf(offsets, size * 2);
        lengths = Arrays.copyOf(lengths, size * 2);
      }
      offsets[size] = offset;
      lengths[size] = length;
      size++;
    }

    int size() {
      return size;
    }

    /** The bytes of entry {@code number} (from 1). */
    byte[] reread(LogLines lines, int number) throws IOException {
      return lines.reread(offsets[number - 1], lengths[number - 1]);
    }

    /** The offset just past entry {@code number}'s newline. */
    long end(int number) {
      return offsets[number - 1] + lengths[number - 1] + 1;
    }
  }

  /**
   * How many leading entries are the node's own. Because each entry's signature covers the hash of
   * the line before it, the answer is monotone and found by binary search.
   */
  private static int authenticPrefix(LogLines lines, LineIndex index, PublicKey nodeKey)
      throws IOException {
    if (index.size() == 0 || signatureVerifies(lines, index, index.size(), nodeKey)) {
      return index.size();
    }
    int valid = 0;
    int invalid = index.size();
    while (invalid - valid > 1) {
      int middle = (valid + invalid) >>> 1;
      if (signatureVerifies(lines, index, middle, nodeKey)) {
        valid = middle;
      } else {
        invalid = middle;
      }
    }
    return valid;
  }

  private static boolean signatureVerifies(
      LogLines lines, LineIndex index, int number, PublicKey nodeKey) throws IOException {
    // The line passed every other check when it was first read, so it parses.
    LogEntry entry =
        toEntry(
            CanonicalJson.readObject(
                new String(index.reread(lines, number), StandardCharsets.UTF_8)));
    return NodeKey.verify(
        nodeKey,
        CanonicalJson.write(entry.body()).getBytes(StandardCharsets.UTF_8),
        entry.signature());
  }

  /** A line that passed the checks other than its signature, as its entry, or why it failed. */
  private record LineResult(LogEntry entry, Break failure) {
    static LineResult failed(long line, Reason reason, String detail) {
      return new LineResult(null, new Break(line, reason, detail));
    }
  }

  private static LineResult checkLine(
      byte[] bytes, long line, String nodeId, long previousSeq, String previousHash) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return LineResult.failed(line, Reason.MALFORMED, "the line is not valid UTF-8");
    }
    Map<String, Object> json;
    try {
      json = CanonicalJson.readObject(text);
    } catch (CanonicalJson.MalformedJsonException e) {
      return LineResult.failed(line, Reason.MALFORMED, "not a JSON object: " + e.getMessage());
    }
    if (!json.keySet().equals(FIELDS)) {
      return LineResult.failed(
          line, Reason.MALFORMED, "fields are " + json.keySet() + ", an entry has " + FIELDS);
    }
    if (!CanonicalJson.write(json).equals(text)) {
      return LineResult.failed(
          line, Reason.NOT_CANONICAL, "the line is not written as the log writes it");
    }
    LogEntry entry;
    try {
      entry = toEntry(json);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      return LineResult.failed(
          line, Reason.MALFORMED, "an entry field is invalid: " + e.getMessage());
    } catch (DateTimeParseException e) {
      return LineResult.failed(line, Reason.MALFORMED, "at is not an instant");
    }
    if (!entry.node().equals(nodeId)) {
      return LineResult.failed(
          line, Reason.WRONG_NODE, "entry of node " + entry.node() + " in the log of " + nodeId);
    }
    byte[] signed = CanonicalJson.write(entry.body()).getBytes(StandardCharsets.UTF_8);
    if (!Sha256.hex(signed).equals(entry.hash())) {
      return LineResult.failed(
          line,
          Reason.CONTENT_CHANGED,
          "entry " + entry.seq() + "'s content does not match its hash");
    }
    long expected = previousSeq + 1;
    if (entry.seq() > expected) {
      return LineResult.failed(
          line,
          Reason.ENTRY_MISSING,
          "expected entry " + expected + ", found " + entry.seq() + ": entries are missing");
    }
    if (entry.seq() < expected) {
      return LineResult.failed(
          line,
          Reason.OUT_OF_ORDER,
          "expected entry "
              + expected
              + ", found "
              + entry.seq()
              + ": entries were reordered or inserted");
    }
    if (!entry.prev().equals(previousHash)) {
      return LineResult.failed(
          line,
          Reason.CHAIN_BROKEN,
          "entry " + entry.seq() + " does not carry the hash of the line before it");
    }
    return new LineResult(entry, null);
  }

  private static LogEntry toEntry(Map<String, Object> json) {
    return new LogEntry(
        (Long) json.get("seq"),
        Instant.parse((String) json.get("at")),
        (String) json.get("node"),
        (String) json.get("kind"),
        (String) json.get("subject"),
        castObject(json.get("data")),
        (String) json.get("prev"),
        (String) json.get("hash"),
        (String) json.get("sig"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castObject(Object value) {
    return (Map<String, Object>) value;
  }
}
