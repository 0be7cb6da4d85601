package cn.govdata.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spark-submit command line split the way spark-submit reads it: options up to the application
 * jar, then the application's own arguments. The command may be wrapped by a bash script that runs
 * spark-submit as its arguments ({@code /bin/bash script.sh /opt/spark/bin/spark-submit ...}).
 *
 * @param master the --master URL
 * @param deployMode the --deploy-mode, client when not given
 * @param mainClass the --class
 * @param propertiesFile the --properties-file, or null
 * @param options every other option with its value (--master, --class, --name, ...)
 * @param conf every --conf key=value, in order
 * @param jar the application jar
 * @param arguments what the main class receives
 * @param wrapper the script that runs spark-submit, or null
 */
record SparkSubmit(
    String master,
    String deployMode,
    String mainClass,
    String propertiesFile,
    Map<String, String> options,
    Map<String, String> conf,
    String jar,
    List<String> arguments,
    String wrapper) {

  SparkSubmit {
    options = Map.copyOf(options);
    conf = Map.copyOf(conf);
    arguments = List.copyOf(arguments);
  }

  static SparkSubmit parse(List<String> commandLine) {
    String wrapper = null;
    List<String> command = commandLine;
    if (command.size() > 2
        && command.get(0).equals("/bin/bash")
        && command.get(1).endsWith(".sh")) {
      wrapper = command.get(1);
      command = command.subList(2, command.size());
    }
    if (command.isEmpty() || !command.get(0).endsWith("/spark-submit")) {
      throw new IllegalArgumentException("not a spark-submit command: " + command);
    }
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> conf = new LinkedHashMap<>();
    int index = 1;
    while (index < command.size() && command.get(index).startsWith("--")) {
      String option = command.get(index);
      if (index + 1 >= command.size()) {
        throw new IllegalArgumentException(option + " without a value");
      }
      String value = command.get(index + 1);
      if (option.equals("--conf")) {
        int equals = value.indexOf('=');
        if (equals < 1) {
          throw new IllegalArgumentException("--conf without key=value: " + value);
        }
        conf.put(value.substring(0, equals), value.substring(equals + 1));
      } else if (options.put(option, value) != null) {
        throw new IllegalArgumentException(option + " given twice");
      }
      index += 2;
    }
    if (index >= command.size()) {
      throw new IllegalArgumentException("no application jar in " + command);
    }
    return new SparkSubmit(
        options.get("--master"),
        options.getOrDefault("--deploy-mode", "client"),
        options.get("--class"),
        options.get("--properties-file"),
        options,
        conf,
        command.get(index),
        new ArrayList<>(command.subList(index + 1, command.size())),
        wrapper);
  }

  /** The application jar as a path in the image, without cluster mode's {@code local://}. */
  String jarPath() {
    return jar.startsWith("local://") ? jar.substring("local://".length()) : jar;
  }

  boolean onKubernetes() {
    return master.startsWith("k8s://");
  }
}
