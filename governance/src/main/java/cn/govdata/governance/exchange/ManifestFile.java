package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One delivered file: its path relative to the delivery's directory, size and SHA-256.
 *
 * @param path relative path with '/' separators, no '..' segments
 * @param bytes size in bytes
 * @param sha256 64 lower-case hex digits
 */
public record ManifestFile(String path, long bytes, String sha256) {

  public ManifestFile {
    path = Checks.requiredText(path, "path", 512);
    if (path.startsWith("/")
        || path.contains("\\")
        || ("/" + path + "/").contains("/../")
        || ("/" + path + "/").contains("/./")
        || path.contains("//")) {
      throw new InvalidFieldException(
          "path",
          "relative-path",
          "path must be relative, with '/' separators and no '.' or '..' segments, got '"
              + path
              + "'");
    }
    if (bytes < 0) {
      throw new InvalidFieldException("bytes", "non-negative", "bytes must not be negative");
    }
    if (!Sha256.isHex(sha256)) {
      throw new InvalidFieldException(
          "sha256", "sha256.format", "sha256 must be 64 lower-case hex digits");
    }
  }

  /** Describes {@code file}, which lies under {@code directory}, by streaming it once. */
  public static ManifestFile of(Path directory, Path file) {
    Sha256.FileDigest digest = Sha256.of(file);
    String relative = directory.relativize(file).toString().replace('\\', '/');
    return new ManifestFile(relative, digest.bytes(), digest.sha256());
  }

  /**
   * Describes the {@code files} under {@code directory}, in their order, hashing several side by
   * side (one per processor): a delivery's files are independent, and hashing is the sender's
   * largest cost after the transfer itself.
   */
  public static List<ManifestFile> ofAll(Path directory, List<Path> files) {
    int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return files.stream().map(file -> of(directory, file)).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ManifestFile>> hashed = new ArrayList<>();
      for (Path file : files) {
        hashed.add(pool.submit(() -> of(directory, file)));
      }
      List<ManifestFile> described = new ArrayList<>();
      for (Future<ManifestFile> file : hashed) {
        described.add(file.get());
      }
      return List.copyOf(described);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing " + directory, e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Checks the file as received under {@code directory}: present, of the stated size, with the
   * stated SHA-256.
   *
   * @throws IntegrityException naming the file and what differs
   */
  public void verifyUnder(Path directory) {
    Path file = directory.resolve(path);
    if (!Files.isRegularFile(file)) {
      throw new IntegrityException(path, "file is missing from the delivery");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    // A size mismatch is found without reading the file.
    if (size != bytes) {
      throw new IntegrityException(path, "file has " + size + " bytes, the manifest says " + bytes);
    }
    Sha256.FileDigest digest = Sha256.of(file);
    if (!digest.sha256().equals(sha256)) {
      throw new IntegrityException(
          path,
          "file's SHA-256 is "
              + digest.sha256()
              + ", the manifest says "
              + sha256
              + " (corrupted)");
    }
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", path);
    json.put("bytes", bytes);
    json.put("sha256", sha256);
    return json;
  }

  static ManifestFile fromJson(JsonFields json) {
    return new ManifestFile(json.string("path"), json.longValue("bytes"), json.string("sha256"));
  }
}
