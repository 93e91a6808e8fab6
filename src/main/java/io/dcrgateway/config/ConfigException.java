package io.dcrgateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file could not be turned into a {@link GatewayConfig}. Carries every problem
 * found, so an operator fixes the file in one round instead of one error per restart.
 *
 * <p>Unchecked: the only sensible reaction is to print {@link #problems()} and stop, which the
 * CLI does in one place.
 */
public final class ConfigException extends RuntimeException {

  private final Path file;
  private final List<ConfigProblem> problems;

  public ConfigException(Path file, List<ConfigProblem> problems) {
    super(describe(file, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public Path file() {
    return file;
  }

  /** In the order found: document problems, then section by section, then missing files. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(Path file, List<ConfigProblem> problems) {
    return problems.stream()
        .map(problem -> "  " + problem)
        .collect(Collectors.joining("\n",
            file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n",
            ""));
  }
}
