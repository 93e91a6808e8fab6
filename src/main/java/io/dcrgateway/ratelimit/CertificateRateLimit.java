package io.dcrgateway.ratelimit;

import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.tls.CertificateFingerprint;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import java.util.Map;

/**
 * Stage rate-limit: each client certificate (by its SHA-256, so a re-issued certificate is a new
 * budget, and one software's certificates do not share one) gets {@code burst} requests at once
 * and {@code requests} per {@code per} after that. Beyond it: 429 with {@code Retry-After}, before
 * the body is read or anything is forwarded.
 */
public final class CertificateRateLimit {

  private final RateLimiter limiter;
  private final RateLimit limit;

  public CertificateRateLimit(RateLimiter limiter, RateLimit limit) {
    this.limiter = limiter;
    this.limit = limit;
  }

  /** Fails with the 429 to answer when the certificate is over its limit. */
  public Future<Void> admit(VerifiedClient client) {
    if (!limit.enabled()) {
      return Future.succeededFuture();
    }
    return limiter.take(CertificateFingerprint.sha256Hex(client.certificate()), limit).compose(decision -> {
      if (decision.allowed()) {
        return Future.<Void>succeededFuture();
      }
      // RFC 9110 §10.2.3: delay-seconds, whole seconds, at least 1.
      long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
      return Future.failedFuture(new GatewayException(429, ErrorCodes.TOO_MANY_REQUESTS, "rate-limit.exceeded",
          "more than " + limit.requests() + " requests per " + limit.per().toSeconds() + " s (burst " + limit.burst()
              + ") with this client certificate; retry after " + seconds + " s",
          Map.of("Retry-After", Long.toString(seconds))));
    });
  }
}
