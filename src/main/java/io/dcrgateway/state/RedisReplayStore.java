package io.dcrgateway.state;

import io.dcrgateway.replay.ReplayStore;
import io.dcrgateway.replay.ReplayStoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Instant;

/**
 * Token ids in Redis: {@code SET key 1 NX PXAT <expiry>} records an id only if absent, in one
 * atomic command, and Redis forgets it when the token could no longer be accepted anyway. Two
 * instances racing with the same statement: exactly one {@code SET NX} succeeds.
 */
final class RedisReplayStore implements ReplayStore {

  private final RedisClient redis;
  private final Clock clock;

  RedisReplayStore(RedisClient redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public Future<Boolean> firstUse(String namespace, String id, Instant expiresAt) {
    // Already expired: nothing to remember (and PXAT in the past would store nothing anyway).
    long expiresMillis = Math.max(expiresAt.toEpochMilli(), clock.millis() + 1_000);
    return redis.send(Request.cmd(Command.SET).arg(redis.key("replay", namespace, id)).arg("1")
            .arg("NX").arg("PXAT").arg(expiresMillis))
        .map(reply -> reply.isPresent())
        .recover(e -> Future.failedFuture(new ReplayStoreUnavailableException(e.getMessage(), e)));
  }

  @Override
  public Future<Void> release(String namespace, String id) {
    return redis.send(Request.cmd(Command.DEL).arg(redis.key("replay", namespace, id))).mapEmpty();
  }
}
