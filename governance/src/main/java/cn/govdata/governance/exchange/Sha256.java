package cn.govdata.governance.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 over bytes, streams and files, written as 64 lower-case hex digits. Files are read in
 * fixed-size chunks, so a delivery file of any size is hashed in constant memory.
 */
public final class Sha256 {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int BUFFER = 1 << 16;

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
   * checksums a file in one pass.
   */
  public static FileDigest copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      digest.update(buffer, 0, read);
      out.write(buffer, 0, read);
      total += read;
    }
    return new FileDigest(total, HexFormat.of().formatHex(digest.digest()));
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
