package io.dcrgateway.ratelimit;

import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.ownership.CertificateIdentity;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.tls.CertificateFingerprint;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * Stage rate-limit: each client certificate (by its SHA-256, so a re-issued certificate is a new
 * budget) gets {@code burst} requests at once and {@code requests} per {@code per} after that, and
 * all the certificates of one organisation share a second, larger bucket, so more certificates do
 * not buy more budget. Beyond either: 429 with {@code Retry-After}, before the body is read or
 * anything is forwarded.
 */
public final class CertificateRateLimit {

  private final RateLimiter limiter;
  private final RateLimit limit;

  public CertificateRateLimit(RateLimiter limiter, RateLimit limit) {
    this.limiter = limiter;
    this.limit = limit;
  }

  /** Fails with the 429 to answer when the certificate, or its organisation, is over its limit. */
  public Future<Void> admit(VerifiedClient client) {
    if (!limit.enabled()) {
      return Future.succeededFuture();
    }
    Optional<String> organisation = CertificateIdentity.of(client).organisation();
    return take(CertificateFingerprint.sha256Hex(client.certificate()), limit, "rate-limit.exceeded",
        "with this client certificate")
        .compose(certificateAdmitted -> organisation.isEmpty() ? Future.<Void>succeededFuture()
            : take("org:" + organisation.get(), limit.forOrganisation(), "rate-limit.organisation-exceeded",
                "from the certificates of organisation " + organisation.get()));
  }

  /**
   * A route without client certificates (mobile apps behind an initial access token): the budget
   * is the peer address's, checked before the token is (so a flood of bad tokens cannot make the
   * gateway introspect at will).
   */
  public Future<Void> admitAddress(String address) {
    if (!limit.enabled()) {
      return Future.succeededFuture();
    }
    return take("address:" + address, limit, "rate-limit.exceeded", "from this address");
  }

  private Future<Void> take(String key, RateLimit bucket, String reason, String whose) {
    return limiter.take(key, bucket).compose(decision -> {
      if (decision.allowed()) {
        return Future.<Void>succeededFuture();
      }
      // RFC 9110 §10.2.3: delay-seconds, whole seconds, at least 1.
      long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
      return Future.failedFuture(new GatewayException(429, ErrorCodes.TOO_MANY_REQUESTS, reason,
          "more than " + bucket.requests() + " requests per " + bucket.per().toSeconds() + " s (burst "
              + bucket.burst() + ") " + whose + "; retry after " + seconds + " s",
          Map.of("Retry-After", Long.toString(seconds))));
    });
  }
}
