package cn.govdata.sql.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Users from a JSON file ({@code {"users": [{"name", "passwordHash", "apiKeyHashes", "groups"}]}}),
 * re-read when the file changes, so keys revoked in the file stop working at the next connection.
 */
public final class FileUserDirectory implements UserDirectory {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private FileTime loadedVersion;
  private Map<String, PlatformUser> users = Map.of();

  public FileUserDirectory(Path file) {
    this.file = file;
    reloadIfChanged();
  }

  @Override
  public Optional<PlatformUser> find(String name) {
    reloadIfChanged();
    synchronized (this) {
      return Optional.ofNullable(users.get(name));
    }
  }

  /** Writes a user file; used by the launcher's demo and by tests. */
  public static void write(Path file, List<PlatformUser> users) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), Map.of("users", users));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the user file " + file, e);
    }
  }

  private synchronized void reloadIfChanged() {
    try {
      FileTime version = Files.getLastModifiedTime(file);
      if (version.equals(loadedVersion)) {
        return;
      }
      Map<String, List<PlatformUser>> document =
          JSON.readValue(file.toFile(), new TypeReference<Map<String, List<PlatformUser>>>() {});
      List<PlatformUser> list = document.getOrDefault("users", List.of());
      users =
          list.stream()
              .collect(Collectors.toUnmodifiableMap(PlatformUser::name, Function.identity()));
      loadedVersion = version;
    } catch (IOException e) {
      // An unreadable user file authenticates nobody rather than yesterday's users.
      users = Map.of();
      loadedVersion = null;
      throw new UncheckedIOException("cannot read the user file " + file, e);
    }
  }
}
