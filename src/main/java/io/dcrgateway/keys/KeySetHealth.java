package io.dcrgateway.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * What health checks and metrics need to know about one key set.
 *
 * @param location the URL or file path
 * @param lastSuccess when a fetch last succeeded
 * @param lastFailure the most recent failed fetch, kept after later successes so an operator can
 *     see what went wrong last
 * @param keyCount keys in the set currently served (0 unless available)
 * @param fetches fetch attempts so far, successful or not
 * @param failures failed fetch attempts so far
 */
public record KeySetHealth(
    String location,
    KeyAvailability availability,
    Optional<Instant> lastSuccess,
    Optional<FetchFailure> lastFailure,
    int keyCount,
    long fetches,
    long failures) {

  /** @param reason one line, no stack trace: what an operator needs to fix the publisher */
  public record FetchFailure(Instant at, String reason) {
  }
}
