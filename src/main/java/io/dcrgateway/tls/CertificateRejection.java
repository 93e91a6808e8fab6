package io.dcrgateway.tls;

/**
 * Why a client certificate was not accepted. The reason id is stable (audit, metrics); the
 * description goes to the TPP, so it says what to fix without revealing the trust configuration.
 */
public record CertificateRejection(Reason reason, String description) {

  public enum Reason {
    NO_CERTIFICATE("tls.client-cert.missing"),
    UNTRUSTED_ISSUER("tls.client-cert.untrusted-issuer"),
    BAD_SIGNATURE("tls.client-cert.bad-signature"),
    EXPIRED("tls.client-cert.expired"),
    NOT_YET_VALID("tls.client-cert.not-yet-valid"),
    KEY_TOO_WEAK("tls.client-cert.key-too-weak"),
    WRONG_KEY_USAGE("tls.client-cert.wrong-key-usage"),
    INVALID_PATH("tls.client-cert.invalid-path");

    private final String id;

    Reason(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }
}
