package io.dcrgateway.state;

import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.dcrgateway.ratelimit.RateDecision;
import io.dcrgateway.ratelimit.RateLimiter;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;

/**
 * One token bucket per certificate in Redis, shared by every instance: a burst spread over the
 * instances behind a balancer drains the same bucket. The bucket is refilled and taken from in one
 * script, on Redis's clock, so instances with drifting clocks agree; idle buckets expire once they
 * would be full again.
 */
final class RedisRateLimiter implements RateLimiter {

  private static final String TAKE = """
      local rate = tonumber(ARGV[1]) / tonumber(ARGV[2])
      local burst = tonumber(ARGV[3])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(held[1]) or burst
      local at = tonumber(held[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
      local allowed, wait = 0, 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        wait = math.ceil((1 - tokens) / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
      return {allowed, wait}
      """;

  private final RedisClient redis;

  RedisRateLimiter(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  public Future<RateDecision> take(String key, RateLimit limit) {
    if (!limit.enabled()) {
      return Future.succeededFuture(RateDecision.ALLOWED);
    }
    return redis.send(Request.cmd(Command.EVAL).arg(TAKE).arg(1).arg(redis.key("rate", key))
            .arg(limit.requests()).arg(limit.per().toMillis()).arg(limit.burst()))
        .map(reply -> {
          Response answer = reply.orElseThrow();
          return answer.get(0).toInteger() == 1 ? RateDecision.ALLOWED
              : RateDecision.refused(Duration.ofMillis(answer.get(1).toLong()));
        });
  }
}
