package io.dcrgateway.revocation;

import java.time.Instant;

/**
 * What one method (OCSP or CRL) could establish about one certificate.
 *
 * @param method {@code ocsp} or {@code crl}
 * @param detail why, in words an operator (and for a revoked certificate, the TPP) can act on
 * @param validUntil until when the answer may be relied on (nextUpdate, bounded by the max age);
 *     for {@code UNKNOWN}, when asking again makes sense
 */
public record RevocationStatus(State state, String method, String detail, Instant validUntil) {

  public enum State {
    GOOD, REVOKED, UNKNOWN;

    /** Metric label. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static RevocationStatus good(String method, String detail, Instant validUntil) {
    return new RevocationStatus(State.GOOD, method, detail, validUntil);
  }

  static RevocationStatus revoked(String method, String detail, Instant validUntil) {
    return new RevocationStatus(State.REVOKED, method, detail, validUntil);
  }

  static RevocationStatus unknown(String method, String detail, Instant retryAfter) {
    return new RevocationStatus(State.UNKNOWN, method, detail, retryAfter);
  }
}
