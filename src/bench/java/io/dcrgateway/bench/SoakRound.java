package io.dcrgateway.bench;

import java.util.List;

/**
 * The bodies of one round of the soak run. Software statements are minted for each round during
 * the round before it: a statement is good for {@code max-age} (300 s) after its {@code iat}, and
 * every accepted one is used once. The replays are the previous round's accepted registrations,
 * sent again: with {@code reject-replay} a statement's jti is accepted once, so each must be
 * refused.
 */
record SoakRound(int number, Workload validKeepAlive, Workload validNewConnection, List<BenchRequest> badSignatures,
    List<BenchRequest> replays) {

  /** Statements for a round, minted ahead. */
  record Minted(List<BenchRequest> validKeepAlive, List<BenchRequest> validNewConnection,
      List<BenchRequest> badSignatures) {
  }

  static SoakRound of(int number, Minted minted, SoakRound previous) {
    return new SoakRound(number, Workload.once(minted.validKeepAlive()), Workload.once(minted.validNewConnection()),
        minted.badSignatures(), previous == null ? List.of() : previous.validKeepAlive().handedOut());
  }

  /** Null in the first round, when nothing was accepted yet. */
  Workload replayWorkload() {
    return replays.isEmpty() ? null : Workload.once(replays);
  }
}
