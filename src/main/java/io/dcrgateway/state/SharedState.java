package io.dcrgateway.state;

import io.dcrgateway.config.StateConfig;
import io.dcrgateway.ownership.OwnershipStore;
import io.dcrgateway.ownership.SoftwareRegistrations;
import io.dcrgateway.ratelimit.RateLimiter;
import io.dcrgateway.replay.ReplayStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The replay and ownership stores of a gateway, and whether they can be reached now. */
public interface SharedState {

  ReplayStore replay();

  OwnershipStore owners();

  SoftwareRegistrations registrations();

  /** Per-certificate request budgets: shared, so a burst spread over instances drains one bucket. */
  RateLimiter rates();

  /** {@code memory} or {@code redis}: for metrics and logs. */
  String kind();

  /** False while the store cannot be reached: readiness reports it and requests that need it get 503. */
  boolean available();

  /** Ids remembered, where the store can tell cheaply (memory); -1 otherwise. */
  long replayEntries();

  Future<Void> close();

  static SharedState create(Vertx vertx, StateConfig config) {
    return switch (config.store()) {
      case MEMORY -> InMemoryState.start(vertx);
      case REDIS -> RedisState.start(vertx, config.redis().orElseThrow());
    };
  }
}
