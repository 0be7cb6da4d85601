package cn.govdata.governance.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;

/**
 * SHA-256 over bytes, streams and files, written as 64 lower-case hex digits. Files are read in
 * fixed-size chunks, so a delivery file of any size is hashed in constant memory.
 */
public final class Sha256 {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int BUFFER = 1 << 20;

  private Sha256() {}

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** Whether {@code text} is a SHA-256 written the way this class writes it. */
  public static boolean isHex(String text) {
    return text != null && HEX.matcher(text).matches();
  }

  /** Hashes a file by streaming it. */
  public static FileDigest of(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return copy(in, OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Copies {@code in} to {@code out} and hashes the bytes on the way, so that a delivery writes and
   * checksums a file in one pass. The hashing runs on a second thread, overlapping the reads and
   * writes, so that the copy runs at the pace of the slower of the two rather than of their sum.
   */
  public static FileDigest copy(InputStream in, OutputStream out) throws IOException {
    Hasher hasher = new Hasher();
    long total = 0;
    try {
      while (true) {
        byte[] buffer = hasher.freeBuffer();
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read <= 0) {
          hasher.release(buffer);
          break;
        }
        out.write(buffer, 0, read);
        hasher.hash(buffer, read);
        total += read;
      }
    } finally {
      hasher.finish();
    }
    return new FileDigest(total, HexFormat.of().formatHex(hasher.result()));
  }

  /**
   * A digest fed by a thread of its own through a small pool of buffers: a buffer goes back to the
   * pool once hashed, so at most {@value #BUFFERS} buffers are in flight.
   */
  private static final class Hasher {
    private static final int BUFFERS = 4;
    private static final byte[] END = new byte[0];

    private record Chunk(byte[] bytes, int length) {}

    private final MessageDigest digest = digest();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> pending = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread thread = new Thread(this::run, "sha256");
    private volatile RuntimeException failure;

    Hasher() {
      for (int i = 0; i < BUFFERS; i++) {
        free.add(new byte[BUFFER]);
      }
      thread.setDaemon(true);
      thread.start();
    }

    byte[] freeBuffer() throws IOException {
      try {
        return free.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing");
      }
    }

    void hash(byte[] buffer, int length) throws IOException {
      put(new Chunk(buffer, length));
    }

    void release(byte[] buffer) {
      free.add(buffer);
    }

    /** Ends the hashing thread, whether the copy completed or failed. */
    void finish() throws IOException {
      put(new Chunk(END, 0));
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing");
      }
    }

    byte[] result() {
      if (failure != null) {
        throw failure;
      }
      return digest.digest();
    }

    private void put(Chunk chunk) throws IOException {
      try {
        pending.put(chunk);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing");
      }
    }

    private void run() {
      try {
        while (true) {
          Chunk chunk = pending.take();
          if (chunk.bytes() == END) {
            return;
          }
          digest.update(chunk.bytes(), 0, chunk.length());
          free.add(chunk.bytes());
        }
      } catch (InterruptedException e) {
        failure = new IllegalStateException("the hashing thread was interrupted", e);
      }
    }
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /**
   * The size and SHA-256 of some bytes.
   *
   * @param bytes how many bytes were hashed
   * @param sha256 the hash, 64 lower-case hex digits
   */
  public record FileDigest(long bytes, String sha256) {
    public FileDigest {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative");
      }
      if (!isHex(sha256)) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
      }
    }
  }
}
