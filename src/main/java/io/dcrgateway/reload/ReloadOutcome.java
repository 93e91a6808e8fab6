package io.dcrgateway.reload;

import java.util.List;

/**
 * One reload attempt.
 *
 * @param trigger what asked for it: {@code SIGHUP}, {@code files changed: ...}, {@code admin}
 * @param problems why it was refused, one line per problem (empty when applied)
 * @param restartRequired changed keys that wait for a restart although the reload was applied
 */
public record ReloadOutcome(String trigger, boolean applied, List<String> problems, List<String> restartRequired,
    long durationMicros) {

  public ReloadOutcome {
    problems = List.copyOf(problems);
    restartRequired = List.copyOf(restartRequired);
  }
}
