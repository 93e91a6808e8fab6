package io.dcrgateway.tls;

import io.dcrgateway.config.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** TLS material named in a valid config that cannot be used; each problem names its config key. */
public class TrustMaterialException extends Exception {

  private final List<ConfigProblem> problems;

  public TrustMaterialException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
