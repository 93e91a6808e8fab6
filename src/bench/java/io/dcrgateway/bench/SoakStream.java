package io.dcrgateway.bench;

import java.util.function.Function;

/**
 * One kind of traffic of the soak run: who sends it, over which connections, how often, and the
 * one status every request of it must get.
 *
 * @param bodies the requests of a round, or null to send none in it (replays in the first round)
 */
record SoakStream(String title, String client, boolean keepAlive, double perSecond, int expectedStatus,
    Function<SoakRound, Workload> bodies) {

  /** Requests in flight at most: the streams are paced, these only absorb a slow answer. */
  int connections() {
    return keepAlive ? 4 : 2;
  }
}
