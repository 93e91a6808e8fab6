package io.dcrgateway.statement;

import java.util.Optional;

/** Told what came of every software statement check, by directory: metrics count them. */
@FunctionalInterface
public interface StatementObserver {

  StatementObserver NONE = (directory, result) -> { };

  /**
   * Once per verification; again, for a statement that verified, when the replay check (after the
   * rules passed) refuses it.
   *
   * @param directory the configured name of the directory the statement's {@code iss} named;
   *     empty when it named none or could not be read
   */
  void checked(Optional<String> directory, StatementResult result);
}
