package cn.govdata.governance.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.exchange.LogVerification.Reason;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeLogTest {

  private static final NodeKey NODE = NodeKey.generate("gd-province");
  private static final NodeKey OTHER = NodeKey.generate("gd-province");
  private static final int ENTRIES = 30;

  private static byte[] log;
  private static Checkpoint head;

  @BeforeAll
  static void writeLog(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("exchange.log");
    try (ExchangeLog exchangeLog = ExchangeLog.open(file, NODE, new TickingClock())) {
      for (int i = 1; i <= ENTRIES; i++) {
        exchangeLog.append(kind(i), "sub-" + (i % 7) + "/run-" + i, data(i));
      }
      head = exchangeLog.head();
    }
    log = Files.readAllBytes(file);
  }

  @Test
  void theUnmodifiedLogVerifiesUpToItsHead() {
    LogVerification result =
        ExchangeLog.verify(log, "gd-province", NODE.publicKey(), Optional.of(head));

    assertThat(result.isIntact()).isTrue();
    assertThat(result.entriesVerified()).isEqualTo(ENTRIES);
    assertThat(result.head()).isEqualTo(head);
    assertThat(lines(log)).hasSize(ENTRIES);
  }

  @Test
  void aReopenedLogContinuesTheChain(@TempDir Path dir) {
    Path file = dir.resolve("exchange.log");
    try (ExchangeLog first = ExchangeLog.open(file, NODE, new TickingClock())) {
      first.append("delivery.sent", "sub-1/run-1", Map.of("rows", 10L));
    }
    Checkpoint reopenedHead;
    try (ExchangeLog second = ExchangeLog.open(file, NODE, new TickingClock())) {
      LogEntry entry = second.append("receipt.received", "sub-1/run-1", Map.of());
      assertThat(entry.seq()).isEqualTo(2);
      reopenedHead = second.head();
    }

    LogVerification result =
        ExchangeLog.verify(file, "gd-province", NODE.publicKey(), Optional.of(reopenedHead));
    assertThat(result.isIntact()).isTrue();
    assertThat(result.entriesVerified()).isEqualTo(2);
  }

  @Test
  void anAppendTornByACrashIsCutOffAndTheRepairIsRecorded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("exchange.log");
    try (ExchangeLog first = ExchangeLog.open(file, NODE, new TickingClock())) {
      first.append("delivery.sent", "sub-1/run-1", Map.of("rows", 10L));
      first.append("receipt.received", "sub-1/run-1", Map.of());
    }
    byte[] torn = "{\"at\":\"2026-03-01T08:00:09Z\",\"data\":{".getBytes(StandardCharsets.UTF_8);
    Files.write(file, torn, java.nio.file.StandardOpenOption.APPEND);

    try (ExchangeLog reopened = ExchangeLog.open(file, NODE, new TickingClock())) {
      assertThat(reopened.head().seq()).isEqualTo(3);
    }

    List<String> lines = lines(Files.readAllBytes(file));
    assertThat(lines).hasSize(3);
    Map<String, Object> repair = CanonicalJson.readObject(lines.get(2));
    assertThat(repair.get("kind")).isEqualTo("log.torn-tail-discarded");
    assertThat(repair.get("data"))
        .isEqualTo(Map.of("bytes", (long) torn.length, "sha256", Sha256.hex(torn)));
    assertThat(
            ExchangeLog.verify(file, "gd-province", NODE.publicKey(), Optional.empty()).isIntact())
        .isTrue();
  }

  @Test
  void aLogLargerThanOneReadChunkVerifiesFromItsFileAndAFlipAtAChunkBoundaryIsFound(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("exchange.log");
    Checkpoint bigHead;
    try (ExchangeLog big = ExchangeLog.open(file, NODE, new TickingClock())) {
      for (int i = 0; i < 100; i++) {
        big.append("delivery.sent", "sub-" + i, Map.of("note", "数据回流".repeat(120)));
      }
      bigHead = big.head();
    }
    assertThat(Files.size(file)).isGreaterThan(2 * 65536);

    LogVerification intact =
        ExchangeLog.verify(file, "gd-province", NODE.publicKey(), Optional.of(bigHead));
    assertThat(intact.isIntact()).isTrue();
    assertThat(intact.entriesVerified()).isEqualTo(100);

    byte[] bytes = Files.readAllBytes(file);
    bytes[65536] ^= 0x01;
    Files.write(file, bytes);
    LogVerification flipped =
        ExchangeLog.verify(file, "gd-province", NODE.publicKey(), Optional.of(bigHead));
    assertThat(flipped.isIntact()).isFalse();
  }

  @Test
  void aLineLongerThanAnyEntryIsRefusedWithoutBeingBuffered() {
    byte[] garbage = new byte[(1 << 20) + 10];
    Arrays.fill(garbage, (byte) 'x');

    LogVerification result = verify(garbage, Optional.empty());

    assertThat(result.firstBreak().get().reason()).isEqualTo(Reason.MALFORMED);
    assertThat(result.firstBreak().get().detail()).contains("longer than any entry");
  }

  @Test
  void afterAFailedAppendTheLogRefusesMoreUntilReopened(@TempDir Path dir) {
    Path file = dir.resolve("exchange.log");
    ExchangeLog broken = ExchangeLog.open(file, NODE, new TickingClock());
    broken.append("delivery.sent", "sub-1/run-1", Map.of());
    broken.close(); // the channel is gone: the next write fails as a full disk would

    assertThatThrownBy(() -> broken.append("receipt.received", "sub-1/run-1", Map.of()))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> broken.append("receipt.received", "sub-1/run-1", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("open the log again");
    try (ExchangeLog reopened = ExchangeLog.open(file, NODE, new TickingClock())) {
      assertThat(reopened.append("receipt.received", "sub-1/run-1", Map.of()).seq()).isEqualTo(2);
    }
  }

  @Test
  void onlyOneWriterHoldsALog(@TempDir Path dir) {
    Path file = dir.resolve("exchange.log");
    try (ExchangeLog first = ExchangeLog.open(file, NODE, Clock.systemUTC())) {
      assertThatThrownBy(() -> ExchangeLog.open(file, NODE, Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open in another process");
    }
  }

  @Test
  void aBrokenLogIsNotAppendedTo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("exchange.log");
    List<String> lines = lines(log);
    lines.remove(4);
    Files.write(file, join(lines));

    assertThatThrownBy(() -> ExchangeLog.open(file, NODE, Clock.systemUTC()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("line 5: ENTRY_MISSING");
    assertThat(Files.readAllBytes(file)).isEqualTo(join(lines));
  }

  @Test
  void anEditedFieldIsReportedAsChangedContent() {
    List<String> lines = lines(log);
    lines.set(9, withField(lines.get(9), "subject", "sub-0/run-999"));

    assertBreak(join(lines), 10, Reason.CONTENT_CHANGED);
  }

  @Test
  void anEditWithARecomputedHashOrAnotherKeysSignatureFailsTheSignature() {
    for (NodeKey signer : Arrays.asList(null, OTHER)) {
      List<String> lines = lines(log);
      lines.set(9, edit(lines.get(9), "data", Map.of("rows", 1L), signer));

      assertBreak(join(lines), 10, Reason.BAD_SIGNATURE);
    }
  }

  @Test
  void anEditReSignedByTheNodeItselfBreaksTheChainOrTheCheckpoint() {
    List<String> lines = lines(log);
    lines.set(9, edit(lines.get(9), "data", Map.of("rows", 1L), NODE));
    assertBreak(join(lines), 11, Reason.CHAIN_BROKEN);

    List<String> lastEdited = lines(log);
    lastEdited.set(ENTRIES - 1, edit(lastEdited.get(ENTRIES - 1), "kind", "delivery.failed", NODE));
    assertThat(verify(join(lastEdited), Optional.empty()).isIntact()).isTrue();
    assertBreak(join(lastEdited), ENTRIES, Reason.CHECKPOINT_MISMATCH);
  }

  @Test
  void removedInsertedAndReorderedEntriesAreNamed() {
    List<String> removed = lines(log);
    removed.remove(3);
    assertBreak(join(removed), 4, Reason.ENTRY_MISSING);

    List<String> duplicated = lines(log);
    duplicated.add(12, duplicated.get(5));
    assertBreak(join(duplicated), 13, Reason.OUT_OF_ORDER);

    List<String> swapped = lines(log);
    String third = swapped.get(2);
    swapped.set(2, swapped.get(7));
    swapped.set(7, third);
    assertBreak(join(swapped), 3, Reason.ENTRY_MISSING);

    List<String> forged = lines(log);
    forged.add(6, forgedEntry(forged.get(5), OTHER));
    assertBreak(join(forged), 7, Reason.BAD_SIGNATURE);
  }

  @Test
  void aCutTailIsFoundOnlyAgainstACheckpoint() {
    List<String> lines = lines(log);
    List<String> cut = lines.subList(0, ENTRIES - 3);

    LogVerification withoutCheckpoint = verify(join(cut), Optional.empty());
    assertThat(withoutCheckpoint.isIntact()).isTrue();
    assertThat(withoutCheckpoint.entriesVerified()).isEqualTo(ENTRIES - 3);
    assertBreak(join(cut), ENTRIES - 2, Reason.TRUNCATED);

    byte[] torn = Arrays.copyOf(log, log.length - 20);
    assertBreak(torn, ENTRIES, Reason.TORN_TAIL);
  }

  @Test
  void anotherNodesLogOrKeyDoesNotVerify() {
    LogVerification asOtherNode =
        ExchangeLog.verify(log, "gz-city", NODE.publicKey(), Optional.empty());
    assertThat(asOtherNode.firstBreak().get().reason()).isEqualTo(Reason.WRONG_NODE);

    LogVerification withOtherKey =
        ExchangeLog.verify(log, "gd-province", OTHER.publicKey(), Optional.empty());
    assertThat(withOtherKey.firstBreak().get().reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(withOtherKey.firstBreak().get().line()).isEqualTo(1);
  }

  /** The acceptance test of issue 6: 1,000 random mutations of a log, every one detected. */
  @Test
  void everyOneOfAThousandRandomMutationsIsDetected() {
    Random random = new Random(20260301L);
    Map<Mutation, Integer> applied = new EnumMap<>(Mutation.class);
    Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    List<String> undetected = new ArrayList<>();

    for (int i = 0; i < 1000; i++) {
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      byte[] mutated = mutation.apply(log, random);
      assertThat(mutated).as("mutation %d (%s) changed the log", i, mutation).isNotEqualTo(log);
      applied.merge(mutation, 1, Integer::sum);

      LogVerification result = verify(mutated, Optional.of(head));
      if (result.isIntact()) {
        undetected.add(i + ": " + mutation);
      } else {
        reasons.merge(result.firstBreak().get().reason(), 1, Integer::sum);
      }
    }

    System.out.println("exchange log mutations applied: " + applied);
    System.out.println("first break reported:          " + reasons);
    assertThat(undetected).isEmpty();
    assertThat(applied.keySet()).containsExactlyInAnyOrder(Mutation.values());
    assertThat(reasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
  }

  /** Ways to tamper with a log, each applied at a random place. */
  enum Mutation {
    FLIP_A_BIT {
      @Override
      byte[] apply(byte[] log, Random random) {
        byte[] copy = log.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
      }
    },
    REPLACE_A_BYTE {
      @Override
      byte[] apply(byte[] log, Random random) {
        byte[] copy = log.clone();
        int at = random.nextInt(copy.length);
        copy[at] = (byte) (copy[at] + 1 + random.nextInt(255));
        return copy;
      }
    },
    DELETE_A_LINE {
      @Override
      byte[] apply(byte[] log, Random random) {
        List<String> lines = lines(log);
        lines.remove(random.nextInt(lines.size()));
        return join(lines);
      }
    },
    DUPLICATE_A_LINE {
      @Override
      byte[] apply(byte[] log, Random random) {
        List<String> lines = lines(log);
        lines.add(random.nextInt(lines.size() + 1), lines.get(random.nextInt(lines.size())));
        return join(lines);
      }
    },
    INSERT_A_FORGED_ENTRY {
      @Override
      byte[] apply(byte[] log, Random random) {
        List<String> lines = lines(log);
        int after = random.nextInt(lines.size());
        lines.add(after + 1, forgedEntry(lines.get(after), OTHER));
        return join(lines);
      }
    },
    SWAP_TWO_LINES {
      @Override
      byte[] apply(byte[] log, Random random) {
        List<String> lines = lines(log);
        int a = random.nextInt(lines.size());
        int b = (a + 1 + random.nextInt(lines.size() - 1)) % lines.size();
        String kept = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, kept);
        return join(lines);
      }
    },
    EDIT_A_FIELD {
      @Override
      byte[] apply(byte[] log, Random random) {
        List<String> lines = lines(log);
        int at = random.nextInt(lines.size());
        String field =
            List.of("seq", "at", "kind", "subject", "data", "prev").get(random.nextInt(6));
        Object value =
            switch (field) {
              case "seq" -> at + 1 + (random.nextBoolean() ? 1L : -1L);
              case "at" ->
                  Instant.parse("2026-03-01T00:00:00Z")
                      .plusSeconds(random.nextInt(100_000))
                      .toString();
              case "kind" -> "delivery.cancelled";
              case "subject" -> "sub-x/run-" + random.nextInt(1000);
              case "data" -> Map.of("rows", (long) random.nextInt(1_000_000), "note", "改");
              default -> Sha256.hex(new byte[] {(byte) random.nextInt()});
            };
        // Keep the hash, recompute it, or recompute it and sign with the other or the node's key.
        int how = random.nextInt(4);
        NodeKey signer = how == 2 ? OTHER : how == 3 ? NODE : null;
        String edited =
            how == 0
                ? withField(lines.get(at), field, value)
                : edit(lines.get(at), field, value, signer);
        lines.set(at, edited);
        return join(lines);
      }
    },
    RE_SIGN_THE_WHOLE_LOG_WITH_ANOTHER_KEY {
      @Override
      byte[] apply(byte[] log, Random random) {
        List<String> lines = lines(log);
        String prev = ExchangeLog.GENESIS;
        List<String> resigned = new ArrayList<>();
        for (String line : lines) {
          Map<String, Object> entry = new LinkedHashMap<>(CanonicalJson.readObject(line));
          entry.put("prev", prev);
          String rewritten = sign(entry, OTHER);
          prev = Sha256.hex(rewritten.getBytes(StandardCharsets.UTF_8));
          resigned.add(rewritten);
        }
        return join(resigned);
      }
    },
    CUT_THE_TAIL {
      @Override
      byte[] apply(byte[] log, Random random) {
        return Arrays.copyOf(log, random.nextInt(log.length));
      }
    };

    abstract byte[] apply(byte[] log, Random random);
  }

  private static void assertBreak(byte[] content, long line, Reason reason) {
    LogVerification result = verify(content, Optional.of(head));
    assertThat(result.firstBreak()).as("verification of a tampered log").isPresent();
    assertThat(result.firstBreak().get().reason()).isEqualTo(reason);
    assertThat(result.firstBreak().get().line()).isEqualTo(line);
    assertThat(result.entriesVerified()).isLessThan(line);
  }

  private static LogVerification verify(byte[] content, Optional<Checkpoint> checkpoint) {
    return ExchangeLog.verify(content, "gd-province", NODE.publicKey(), checkpoint);
  }

  /**
   * A line with {@code field} set and, unless {@code signer} is null, hash and signature renewed.
   */
  private static String edit(String line, String field, Object value, NodeKey signer) {
    Map<String, Object> entry = new LinkedHashMap<>(CanonicalJson.readObject(line));
    entry.put(field, value);
    if (signer == null) {
      entry.remove("hash");
      entry.remove("sig");
      String body = CanonicalJson.write(entry);
      entry.put("hash", Sha256.hex(body.getBytes(StandardCharsets.UTF_8)));
      entry.put("sig", CanonicalJson.readObject(line).get("sig"));
      return CanonicalJson.write(entry);
    }
    return sign(entry, signer);
  }

  private static String withField(String line, String field, Object value) {
    Map<String, Object> entry = new LinkedHashMap<>(CanonicalJson.readObject(line));
    entry.put(field, value);
    return CanonicalJson.write(entry);
  }

  /** An entry that claims to follow {@code previousLine}, signed by {@code signer}. */
  private static String forgedEntry(String previousLine, NodeKey signer) {
    Map<String, Object> previous = CanonicalJson.readObject(previousLine);
    Map<String, Object> entry = new LinkedHashMap<>(previous);
    entry.put("seq", (Long) previous.get("seq") + 1);
    entry.put("prev", Sha256.hex(previousLine.getBytes(StandardCharsets.UTF_8)));
    entry.put("kind", "receipt.received");
    entry.put("subject", "sub-forged/run-1");
    return sign(entry, signer);
  }

  private static String sign(Map<String, Object> entry, NodeKey signer) {
    Map<String, Object> body = new LinkedHashMap<>(entry);
    body.remove("hash");
    body.remove("sig");
    byte[] bytes = CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
    body.put("hash", Sha256.hex(bytes));
    body.put("sig", signer.sign(bytes));
    return CanonicalJson.write(body);
  }

  private static List<String> lines(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
  }

  private static byte[] join(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String kind(int i) {
    return List.of("manifest.sent", "delivery.received", "receipt.signed", "receipt.received")
        .get(i % 4);
  }

  private static Map<String, Object> data(int i) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("resourceCode", "101001/0000" + (10 + i));
    data.put("rows", 1000L * i);
    data.put("files", List.of("part-" + i + ".csv"));
    data.put("note", i % 3 == 0 ? "人口基础信息 \"回流\"\n" : null);
    data.put("accepted", i % 5 != 0);
    return data;
  }

  /** A clock that advances one second on each read, so entries have distinct times. */
  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      now = now.plus(Duration.ofSeconds(1));
      return now;
    }
  }
}
