package cn.govdata.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the pipelines' main class, learnt from the class itself rather than from a
 * copy of its documentation. {@code cn.govdata.pipelines.Main} has no parser that can be called
 * without building a Spark session, but it rejects a bad command line before it builds one: an
 * unknown option is answered with the list of allowed ones, a missing one with the usage. Those
 * answers are what the rendered arguments are checked against; Spark is never started.
 */
final class PipelinesCommandLine {

  private static final Pattern ALLOWED = Pattern.compile("unknown option \\S+; allowed: \\[(.*)]");
  private static final Pattern OPTION = Pattern.compile("--[a-z][-a-z]*");

  private final Method run;
  private final Method settings;

  private PipelinesCommandLine(Method run, Method settings) {
    this.run = run;
    this.settings = settings;
  }

  /**
   * Loads the main class without initialising it and checks it is a launchable entry point: a
   * {@code public static void main(String[])}.
   */
  static PipelinesCommandLine of(String mainClass) {
    Class<?> type;
    try {
      type = Class.forName(mainClass, false, PipelinesCommandLine.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          "the chart starts " + mainClass + ", which is not on the class path");
    }
    try {
      Method main = type.getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
        throw new AssertionError(mainClass + ".main is not static void");
      }
      // Main.run(List<String>) is where the arguments are read (package-private: no System.exit).
      Method run = type.getDeclaredMethod("run", List.class);
      run.setAccessible(true);
      // Main.settings(Map) is where a run's master is chosen.
      Method settings = type.getDeclaredMethod("settings", Map.class);
      settings.setAccessible(true);
      return new PipelinesCommandLine(run, settings);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(mainClass + " has no " + e.getMessage());
    }
  }

  /**
   * A parsed command such as {@code pipeline population --sources DIR ...}.
   *
   * @param command the first word, e.g. pipeline
   * @param subject the second, e.g. population
   * @param options each option with its value, in order
   */
  record Invocation(String command, String subject, Map<String, String> options) {}

  /**
   * Checks the arguments the way Main reads them — the command and pipeline it knows, only options
   * it allows, each with a value and given once, the required ones present — and returns them.
   */
  Invocation check(List<String> arguments) {
    if (arguments.size() < 2) {
      throw new AssertionError("no command and pipeline in " + arguments);
    }
    String command = arguments.get(0);
    String subject = arguments.get(1);
    String usage = rejection(List.of(command));
    // the usage names every pipeline: "usage: pipeline population … | pipeline legal_entity …"
    if (!usage.startsWith("usage: ")
        || !Pattern.compile("(^usage: |\\| )" + Pattern.quote(command + " " + subject + " "))
            .matcher(usage)
            .find()) {
      throw new AssertionError(
          "Main does not know `" + command + " " + subject + "`; it answers: " + usage);
    }
    Map<String, String> options =
        options(
            arguments, arguments.subList(2, arguments.size()), allowedOptions(command, subject));
    for (String required : requiredOptions(usage)) {
      if (!options.containsKey(required)) {
        throw new AssertionError(required + " is required by Main (" + usage + ")");
      }
    }
    return new Invocation(command, subject, options);
  }

  /**
   * Checks an exchange command ({@code agent --home DIR ...}, {@code deliver-due ...}): no subject,
   * only options Main allows for the command, each with a value and given once.
   */
  Invocation checkExchange(List<String> arguments) {
    String command = arguments.get(0);
    Matcher matcher = ALLOWED.matcher(rejection(List.of(command, "--not-an-option-of-main", "x")));
    if (!matcher.find()) {
      throw new AssertionError("Main does not know the command " + command);
    }
    List<String> allowed = Arrays.stream(matcher.group(1).split(",\\s*")).toList();
    Map<String, String> options =
        options(arguments, arguments.subList(1, arguments.size()), allowed);
    return new Invocation(command, null, options);
  }

  /** Each option of {@code rest} with its value: allowed, with a value, given once. */
  private static Map<String, String> options(
      List<String> arguments, List<String> rest, List<String> allowed) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < rest.size(); i += 2) {
      String option = rest.get(i);
      if (!allowed.contains(option)) {
        throw new AssertionError(option + " is not an option of Main; allowed: " + allowed);
      }
      if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
        throw new AssertionError(option + " without a value in " + arguments);
      }
      if (options.put(option, rest.get(i + 1)) != null) {
        throw new AssertionError(option + " given twice in " + arguments);
      }
    }
    return options;
  }

  /**
   * The master Main's own settings choose for a run given these options in a driver JVM that
   * spark-submit started with {@code submittedMaster} — spark-submit hands its master to the driver
   * as the system property {@code spark.master}, in client and in cluster mode.
   */
  String masterChosenBy(Map<String, String> options, String submittedMaster) {
    String before = System.getProperty("spark.master");
    System.setProperty("spark.master", submittedMaster);
    try {
      return ((cn.govdata.pipelines.PipelineSettings) settings.invoke(null, options)).master();
    } catch (InvocationTargetException e) {
      throw new AssertionError("Main refused the options " + options, e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    } finally {
      if (before == null) {
        System.clearProperty("spark.master");
      } else {
        System.setProperty("spark.master", before);
      }
    }
  }

  /** The options Main allows after {@code command subject}, from its own refusal of another. */
  List<String> allowedOptions(String command, String subject) {
    String answer = rejection(List.of(command, subject, "--not-an-option-of-main", "x"));
    Matcher matcher = ALLOWED.matcher(answer);
    if (!matcher.find()) {
      throw new AssertionError("Main's answer to an unknown option changed: " + answer);
    }
    return Arrays.stream(matcher.group(1).split(",\\s*")).toList();
  }

  /** The options the usage line lists outside square brackets. */
  static List<String> requiredOptions(String usage) {
    List<String> required = new ArrayList<>();
    Matcher matcher = OPTION.matcher(usage.replaceAll("\\[[^]]*]", ""));
    while (matcher.find()) {
      required.add(matcher.group());
    }
    return required;
  }

  /**
   * The message of the IllegalArgumentException Main throws for arguments it refuses before any
   * Spark session exists; fails if Main accepted them (it would go on to start Spark).
   */
  private String rejection(List<String> arguments) {
    try {
      run.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        return refused.getMessage();
      }
      throw new AssertionError("Main failed on " + arguments, e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("Main accepted " + arguments + " (expected a refusal)");
  }
}
