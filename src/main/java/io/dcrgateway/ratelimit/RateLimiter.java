package io.dcrgateway.ratelimit;

import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.vertx.core.Future;

/**
 * Token buckets by key (a client certificate's SHA-256): whether one more request fits. In
 * memory for one instance ({@link InMemoryRateLimiter}); a shared store (Redis) implements the
 * same contract so that several gateway instances share one budget per certificate.
 */
public interface RateLimiter {

  /**
   * Takes one token from {@code key}'s bucket if it has one.
   *
   * @param limit the bucket's size and refill rate; a changed limit (after a reload) applies to
   *     existing buckets from their next request
   */
  Future<RateDecision> take(String key, RateLimit limit);
}
