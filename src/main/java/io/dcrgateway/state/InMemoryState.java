package io.dcrgateway.state;

import io.dcrgateway.ownership.InMemoryOwnershipStore;
import io.dcrgateway.ownership.InMemorySoftwareRegistrations;
import io.dcrgateway.ownership.OwnershipStore;
import io.dcrgateway.ownership.SoftwareRegistrations;
import io.dcrgateway.ratelimit.InMemoryRateLimiter;
import io.dcrgateway.ratelimit.RateLimiter;
import io.dcrgateway.replay.ExpiredIdPurge;
import io.dcrgateway.replay.InMemoryReplayStore;
import io.dcrgateway.replay.ReplayStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** One instance's memory: always available, lost on restart, not shared. The default. */
final class InMemoryState implements SharedState {

  private final InMemoryReplayStore replay;
  private final ExpiredIdPurge purge;
  private final OwnershipStore owners = new InMemoryOwnershipStore();
  private final SoftwareRegistrations registrations = new InMemorySoftwareRegistrations(Clock.systemUTC());
  private final RateLimiter rates = new InMemoryRateLimiter(Clock.systemUTC());

  private InMemoryState(InMemoryReplayStore replay, ExpiredIdPurge purge) {
    this.replay = replay;
    this.purge = purge;
  }

  static InMemoryState start(Vertx vertx) {
    InMemoryReplayStore replay = new InMemoryReplayStore(Clock.systemUTC());
    return new InMemoryState(replay, ExpiredIdPurge.start(vertx, replay, ExpiredIdPurge.DEFAULT_INTERVAL));
  }

  @Override
  public ReplayStore replay() {
    return replay;
  }

  @Override
  public OwnershipStore owners() {
    return owners;
  }

  @Override
  public SoftwareRegistrations registrations() {
    return registrations;
  }

  @Override
  public RateLimiter rates() {
    return rates;
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public long replayEntries() {
    return replay.size();
  }

  @Override
  public Future<Void> close() {
    purge.stop();
    return Future.succeededFuture();
  }
}
