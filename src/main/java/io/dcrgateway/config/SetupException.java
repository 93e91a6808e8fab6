package io.dcrgateway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Material a valid config file names that cannot be used: certificates that do not parse, a key
 * that does not match, unknown rule ids, bad rule parameters. Each problem names its config key,
 * like {@link ConfigException}'s, and is found before the gateway listens.
 */
public class SetupException extends Exception {

  private final List<ConfigProblem> problems;

  public SetupException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
