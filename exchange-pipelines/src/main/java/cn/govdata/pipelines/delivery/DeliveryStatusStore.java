package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The deliveries' states, one JSON file per delivery under a directory the console reads ({@code
 * <deliveryId>.json}); each file is replaced atomically.
 */
public final class DeliveryStatusStore {

  private final Path directory;

  public DeliveryStatusStore(Path directory) {
    this.directory = directory;
  }

  public void save(DeliveryStatus status) {
    Path file = directory.resolve(status.deliveryId() + ".json");
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, status.deliveryId(), ".tmp");
      Files.writeString(temporary, CanonicalJson.write(status.toJson()), StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the status of " + status.deliveryId(), e);
    }
  }

  public Optional<DeliveryStatus> find(String deliveryId) {
    Path file = directory.resolve(deliveryId + ".json");
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /** Every delivery's state, most recently updated first. */
  public List<DeliveryStatus> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<DeliveryStatus> states = new ArrayList<>();
      files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .forEach(f -> states.add(read(f)));
      states.sort(Comparator.comparing(DeliveryStatus::updatedAt).reversed());
      return states;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static DeliveryStatus read(Path file) {
    try {
      return DeliveryStatus.fromJson(
          CanonicalJson.readObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
