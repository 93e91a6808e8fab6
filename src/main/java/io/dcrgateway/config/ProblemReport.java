package io.dcrgateway.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** How a command that refuses to start says why: every problem with its key, then a summary. */
public final class ProblemReport {

  private ProblemReport() {
  }

  /** @return 1, the exit status of a command that did not start */
  public static int print(PrintStream err, String command, Path file, List<ConfigProblem> problems) {
    problems.forEach(p -> err.println(file + ": " + p));
    err.println(command + ": not started: " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + " in " + file);
    return 1;
  }
}
