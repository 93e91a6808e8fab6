package io.dcrgateway.ratelimit;

import java.time.Duration;

/** @param retryAfter when refused: the wait until the bucket holds a token again (zero when allowed) */
public record RateDecision(boolean allowed, Duration retryAfter) {

  public static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

  public static RateDecision refused(Duration retryAfter) {
    return new RateDecision(false, retryAfter);
  }
}
