package io.dcrgateway.ratelimit;

import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this process. Bounded: past {@code maxKeys} buckets, those that have refilled
 * completely are forgotten (a full bucket and no bucket behave alike), so the keys seen over the
 * gateway's lifetime cannot exhaust memory. Keys are certificates a trusted CA issued, so their
 * number is bounded by the ecosystem, not by an attacker.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  public static final int DEFAULT_MAX_KEYS = 100_000;

  private final Clock clock;
  private final int maxKeys;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public InMemoryRateLimiter(Clock clock) {
    this(clock, DEFAULT_MAX_KEYS);
  }

  public InMemoryRateLimiter(Clock clock, int maxKeys) {
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  @Override
  public Future<RateDecision> take(String key, RateLimit limit) {
    if (!limit.enabled()) {
      return Future.succeededFuture(RateDecision.ALLOWED);
    }
    long now = clock.millis();
    if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
      forgetFullBuckets(now, limit);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
    return Future.succeededFuture(bucket.take(now, limit));
  }

  /** Buckets held now. */
  public int size() {
    return buckets.size();
  }

  private void forgetFullBuckets(long now, RateLimit limit) {
    buckets.entrySet().removeIf(entry -> entry.getValue().fullAt(now, limit));
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long refilledAt) {
      this.tokens = tokens;
      this.refilledAt = refilledAt;
    }

    synchronized RateDecision take(long now, RateLimit limit) {
      refill(now, limit);
      if (tokens >= 1) {
        tokens -= 1;
        return RateDecision.ALLOWED;
      }
      double perToken = (double) limit.per().toMillis() / limit.requests();
      return RateDecision.refused(Duration.ofMillis((long) Math.ceil((1 - tokens) * perToken)));
    }

    synchronized boolean fullAt(long now, RateLimit limit) {
      refill(now, limit);
      return tokens >= limit.burst();
    }

    private void refill(long now, RateLimit limit) {
      long elapsed = Math.max(0, now - refilledAt);
      tokens = Math.min(limit.burst(), tokens + elapsed * (double) limit.requests() / limit.per().toMillis());
      refilledAt = now;
    }
  }
}
