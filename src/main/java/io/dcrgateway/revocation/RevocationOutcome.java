package io.dcrgateway.revocation;

import java.time.Instant;
import java.util.Optional;

/**
 * The revocation decision about one client certificate under its trust domain's mode.
 *
 * @param description for a refusal, what the TPP reads in {@code error_description}
 * @param detail what OCSP and CRLs established, and why not when they could not: for the audit
 *     trail, where a soft-fail pass must be traceable to its cause
 * @param validUntil until when the decision may be reused for the same TLS session
 */
public record RevocationOutcome(Verdict verdict, String description, String detail, Instant validUntil) {

  public enum Verdict {
    /** Mode off: nothing was asked. */
    NOT_CHECKED("not-checked"),
    GOOD("good"),
    REVOKED("revoked"),
    /** soft-fail: no usable answer, let through (counted and logged). */
    UNKNOWN_ALLOWED("unknown-allowed"),
    /** hard-fail: no usable answer, refused. */
    UNKNOWN_REFUSED("unknown-refused");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final String REVOKED_REASON = "tls.client-cert.revoked";
  public static final String UNKNOWN_REASON = "tls.client-cert.revocation-unknown";

  static RevocationOutcome notChecked() {
    String off = "revocation checking is off for this trust domain";
    return new RevocationOutcome(Verdict.NOT_CHECKED, off, off, Instant.MAX);
  }

  /** The stable reason id when the certificate must be refused; empty when it may pass. */
  public Optional<String> refusalReason() {
    return switch (verdict) {
      case REVOKED -> Optional.of(REVOKED_REASON);
      case UNKNOWN_REFUSED -> Optional.of(UNKNOWN_REASON);
      default -> Optional.empty();
    };
  }
}
