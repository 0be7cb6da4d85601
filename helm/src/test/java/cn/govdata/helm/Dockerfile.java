package cn.govdata.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile's final stage the chart depends on. No Docker engine runs here, so the
 * images cannot be built; what the chart assumes about them is checked from the files.
 *
 * @param file where it is
 * @param baseImage the final stage's FROM, with ARG defaults substituted
 * @param title the org.opencontainers.image.title label: the repository the chart names
 * @param user the final USER, or empty
 * @param copies COPY destinations of the final stage, mapped to their sources
 */
record Dockerfile(
    Path file, String baseImage, String title, String user, Map<String, String> copies) {

  private static final Pattern TITLE =
      Pattern.compile("org\\.opencontainers\\.image\\.title=\"([^\"]+)\"");
  private static final Pattern ARG_REFERENCE = Pattern.compile("\\$\\{(\\w+)}");

  Dockerfile {
    copies = Map.copyOf(copies);
  }

  /** Every Dockerfile of the repository, outside build output and hidden folders. */
  static List<Dockerfile> all() {
    return ALL.get();
  }

  private static final java.util.function.Supplier<List<Dockerfile>> ALL =
      new java.util.function.Supplier<>() {
        private List<Dockerfile> found;

        @Override
        public synchronized List<Dockerfile> get() {
          if (found == null) {
            found = find(Repository.root());
          }
          return found;
        }
      };

  private static List<Dockerfile> find(Path root) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path directory, java.nio.file.attribute.BasicFileAttributes attributes) {
              String name = directory.getFileName().toString();
              boolean skip =
                  !directory.equals(root)
                      && (name.startsWith(".")
                          || name.equals("target")
                          || name.equals("node_modules"));
              return skip
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
              if (file.getFileName().toString().equals("Dockerfile")) {
                files.add(file);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files.stream().sorted().map(Dockerfile::read).toList();
  }

  static Optional<Dockerfile> titled(String repository) {
    return all().stream().filter(dockerfile -> dockerfile.title().equals(repository)).findFirst();
  }

  static Dockerfile read(Path file) {
    List<String> instructions = instructions(file);
    Map<String, String> arguments = new HashMap<>();
    String baseImage = null;
    String title = "";
    String user = "";
    Map<String, String> copies = new HashMap<>();
    for (String instruction : instructions) {
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
      String rest = parts.length > 1 ? parts[1] : "";
      switch (keyword) {
        case "ARG" -> {
          String[] argument = rest.split("=", 2);
          arguments.putIfAbsent(argument[0], argument.length > 1 ? argument[1] : "");
        }
        case "FROM" -> {
          baseImage = substitute(rest.split("\\s+")[0], arguments);
          title = "";
          user = "";
          copies.clear();
        }
        case "LABEL" -> {
          Matcher matcher = TITLE.matcher(rest);
          if (matcher.find()) {
            title = matcher.group(1);
          }
        }
        case "USER" -> user = rest.strip();
        case "COPY", "ADD" -> {
          List<String> words = new ArrayList<>();
          for (String word : rest.split("\\s+")) {
            if (!word.startsWith("--")) {
              words.add(substitute(word, arguments));
            }
          }
          String destination = words.get(words.size() - 1);
          words.subList(0, words.size() - 1).forEach(source -> copies.put(destination, source));
        }
        default -> {}
      }
    }
    if (baseImage == null) {
      throw new IllegalStateException(file + " has no FROM");
    }
    return new Dockerfile(file, baseImage, title, user, copies);
  }

  /** The numeric uid of the final USER, or -1 when it is missing or a name. */
  int uid() {
    String uid = user.split(":")[0];
    return uid.matches("\\d+") ? Integer.parseInt(uid) : -1;
  }

  int gid() {
    String[] parts = user.split(":");
    return parts.length == 2 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : -1;
  }

  private static List<String> instructions(Path file) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    try {
      for (String line : Files.readAllLines(file)) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#") || trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.endsWith("\\")) {
          current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        } else {
          instructions.add(current.append(trimmed).toString());
          current.setLength(0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return instructions;
  }

  private static String substitute(String text, Map<String, String> arguments) {
    Matcher matcher = ARG_REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(arguments.getOrDefault(matcher.group(1), "")));
    }
    return matcher.appendTail(result).toString();
  }
}
