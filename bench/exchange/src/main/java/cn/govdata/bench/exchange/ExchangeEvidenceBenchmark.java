package cn.govdata.bench.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.govdata.governance.exchange.Checkpoint;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.LogVerification;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the exchange evidence costs, on this machine, in one run:
 *
 * <ol>
 *   <li>copying a file with {@link Sha256#copy} (write and hash in one pass) against copying the
 *       same bytes with a plain stream copy with a buffer of the same size (1 MiB) — the ratio is
 *       what checksums take from a delivery's throughput;
 *   <li>checking a received file against its manifest entry ({@link ManifestFile#verifyUnder});
 *   <li>appending entries to the signed exchange log (each forced to disk) and verifying it.
 * </ol>
 *
 * <p>Arguments: file size in MiB (default 256), log entries (default 5000), rounds (default 3; the
 * best round is reported, after one warm-up). Files go to a temporary directory that is removed.
 */
public final class ExchangeEvidenceBenchmark {

  private ExchangeEvidenceBenchmark() {}

  public static void main(String[] args) throws IOException {
    int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int entries = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("govdata-exchange-bench");
    try {
      Path source = writeRandomFile(dir.resolve("source.bin"), mebibytes);
      Path plain = dir.resolve("plain.bin");
      Path hashed = dir.resolve("hashed.bin");
      long bytes = Files.size(source);

      copy(source, plain, false);
      copy(source, hashed, true);
      long plainBest = Long.MAX_VALUE;
      long hashedBest = Long.MAX_VALUE;
      for (int round = 0; round < rounds; round++) {
        plainBest = Math.min(plainBest, copy(source, plain, false));
        hashedBest = Math.min(hashedBest, copy(source, hashed, true));
      }
      ManifestFile entry = ManifestFile.of(dir, hashed);
      long verifyStart = System.nanoTime();
      entry.verifyUnder(dir);
      long verifyNanos = System.nanoTime() - verifyStart;

      System.out.printf("file: %d MiB, best of %d rounds%n", mebibytes, rounds);
      System.out.printf("  plain copy            %8.1f MiB/s%n", rate(bytes, plainBest));
      System.out.printf("  copy + SHA-256        %8.1f MiB/s%n", rate(bytes, hashedBest));
      System.out.printf(
          "  ratio (with/without)  %8.2f%n", (double) plainBest / (double) hashedBest);
      System.out.printf("  verify against manifest %6.1f MiB/s%n", rate(bytes, verifyNanos));

      benchmarkLog(dir.resolve("exchange.log"), entries);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void benchmarkLog(Path file, int entries) {
    NodeKey key = NodeKey.generate("bench-node");
    long appendStart = System.nanoTime();
    Checkpoint head;
    try (ExchangeLog log = ExchangeLog.open(file, key, Clock.systemUTC())) {
      for (int i = 1; i <= entries; i++) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceCode", "101001/000042");
        data.put("rows", 1000L * i);
        data.put("manifestSha256", Sha256.hex(Integer.toString(i).getBytes(UTF_8)));
        log.append(i % 2 == 0 ? "receipt.received" : "delivery.sent", "sub-" + i % 50, data);
      }
      head = log.head();
    }
    long appendNanos = System.nanoTime() - appendStart;
    long verifyStart = System.nanoTime();
    LogVerification result =
        ExchangeLog.verify(file, "bench-node", key.publicKey(), Optional.of(head));
    long verifyNanos = System.nanoTime() - verifyStart;
    if (!result.isIntact()) {
      throw new IllegalStateException("the benchmark's own log does not verify: " + result);
    }
    System.out.printf("exchange log: %d entries%n", entries);
    System.out.printf(
        "  append (signed, forced to disk)  %8.0f entries/s%n", entries / seconds(appendNanos));
    System.out.printf(
        "  verify (whole log)               %8.0f entries/s (%.1f ms)%n",
        entries / seconds(verifyNanos), verifyNanos / 1e6);
  }

  private static long copy(Path source, Path target, boolean hash) throws IOException {
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(source);
        OutputStream out = Files.newOutputStream(target)) {
      if (hash) {
        Sha256.copy(in, out);
      } else {
        byte[] buffer = new byte[1 << 20];
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
        }
      }
    }
    return System.nanoTime() - start;
  }

  private static Path writeRandomFile(Path file, int mebibytes) throws IOException {
    Random random = new Random(42);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mebibytes; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    return file;
  }

  private static double rate(long bytes, long nanos) {
    return bytes / 1048576.0 / seconds(nanos);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
