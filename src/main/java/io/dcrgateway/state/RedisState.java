package io.dcrgateway.state;

import io.dcrgateway.config.StateConfig;
import io.dcrgateway.ownership.OwnershipStore;
import io.dcrgateway.ownership.SoftwareRegistrations;
import io.dcrgateway.ratelimit.InMemoryRateLimiter;
import io.dcrgateway.ratelimit.RateLimiter;
import io.dcrgateway.replay.ReplayStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Replay and ownership in Redis. A PING every few seconds keeps {@link #available()} true to the
 * facts while no request is asking, so readiness drops when Redis goes and comes back with it.
 */
final class RedisState implements SharedState {

  private static final Logger LOG = Logger.getLogger(RedisState.class.getName());
  private static final long PING_MILLIS = 2_000;

  private final Vertx vertx;
  private final RedisClient redis;
  private final ReplayStore replay;
  private final OwnershipStore owners;
  private final SoftwareRegistrations registrations;
  private final RateLimiter rates;
  private final long pinger;
  private volatile boolean wasUp = true;

  private RedisState(Vertx vertx, RedisClient redis) {
    this.vertx = vertx;
    this.redis = redis;
    this.replay = new RedisReplayStore(redis, Clock.systemUTC());
    this.owners = new RedisOwnershipStore(redis);
    this.registrations = new RedisSoftwareRegistrations(redis);
    // Redis down: each instance keeps limiting on its own rather than refusing every request or
    // none; the budget is then per instance until Redis answers again.
    RateLimiter local = new InMemoryRateLimiter(Clock.systemUTC());
    RateLimiter shared = new RedisRateLimiter(redis);
    this.rates = (key, limit) -> shared.take(key, limit).recover(e -> local.take(key, limit));
    this.pinger = vertx.setPeriodic(1, PING_MILLIS, id -> ping());
  }

  static RedisState start(Vertx vertx, StateConfig.Redis config) {
    return new RedisState(vertx, RedisClient.create(vertx, config));
  }

  private void ping() {
    redis.send(Request.cmd(Command.PING)).onComplete(done -> {
      if (done.succeeded() != wasUp) {
        wasUp = done.succeeded();
        if (wasUp) {
          LOG.info("shared state: redis reachable again");
        } else {
          LOG.warning("shared state: redis unreachable, registrations and management calls get 503: "
              + done.cause().getMessage());
        }
      }
    });
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
    return "redis";
  }

  @Override
  public boolean available() {
    return redis.up();
  }

  @Override
  public long replayEntries() {
    return -1;
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(pinger);
    return redis.close();
  }
}
