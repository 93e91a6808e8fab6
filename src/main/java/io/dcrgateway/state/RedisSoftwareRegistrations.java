package io.dcrgateway.state;

import io.dcrgateway.ownership.SoftwareIdentity;
import io.dcrgateway.ownership.SoftwareRegistrations;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * Software claims in Redis: {@code SET NX} claims, a compare-and-delete script releases only the
 * claim this request made, so a release that arrives late never frees a newer registration.
 */
final class RedisSoftwareRegistrations implements SoftwareRegistrations {

  private static final String RELEASE_IF_HELD =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

  private final RedisClient redis;

  RedisSoftwareRegistrations(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  public Future<Boolean> claim(SoftwareIdentity software, String holder, Optional<Duration> ttl) {
    Request set = Request.cmd(Command.SET).arg(key(software)).arg(holder).arg("NX");
    ttl.ifPresent(t -> set.arg("PX").arg(t.toMillis()));
    return redis.send(set).map(Optional::isPresent);
  }

  @Override
  public Future<Optional<String>> holder(SoftwareIdentity software) {
    return redis.send(Request.cmd(Command.GET).arg(key(software))).map(reply -> reply.map(Response::toString));
  }

  @Override
  public Future<Void> assign(SoftwareIdentity software, String holder, Optional<Duration> ttl) {
    Request set = Request.cmd(Command.SET).arg(key(software)).arg(holder);
    ttl.ifPresent(t -> set.arg("PX").arg(t.toMillis()));
    return redis.send(set).mapEmpty();
  }

  @Override
  public Future<Void> release(SoftwareIdentity software, String holder) {
    return redis.send(Request.cmd(Command.EVAL).arg(RELEASE_IF_HELD).arg(1).arg(key(software)).arg(holder))
        .mapEmpty();
  }

  private String key(SoftwareIdentity software) {
    return redis.key("software", software.orgId(), software.softwareId());
  }
}
