package io.dcrgateway.statement;

import io.dcrgateway.error.GatewayException;

/**
 * What came of checking one software statement, in the few stable words metrics count by
 * directory. The exact reason id (e.g. {@code statement.kid-missing}) stays in the audit trail
 * and in {@code dcr_gateway_requests_total}.
 */
public enum StatementResult {
  /** Signed by the directory's key with an allowed alg, issuer and times acceptable. */
  VALID("valid"),
  /** Malformed, unsigned, disallowed alg, kid or jti missing, claims not acceptable. */
  INVALID("invalid"),
  /** Signature does not verify, or a kid the directory does not publish: a forgery shows here. */
  BAD_SIGNATURE("bad_signature"),
  /** iat older than the directory's max-age (OFB DCR 7.1-3: 5 minutes). */
  TOO_OLD("too_old"),
  /** iss names no configured directory (RFC 7591 §3.2.2 unapproved_software_statement). */
  UNAPPROVED("unapproved"),
  /** jti already used for this operation. */
  REPLAYED("replayed"),
  /** Directory keys or replay store unavailable: 503, the TPP may retry. */
  UNAVAILABLE("unavailable"),
  /** The check itself failed unexpectedly. */
  ERROR("error");

  private final String label;

  StatementResult(String label) {
    this.label = label;
  }

  /** Metric label. */
  public String label() {
    return label;
  }

  static StatementResult of(Throwable failure) {
    if (!(failure instanceof GatewayException rejection)) {
      return ERROR;
    }
    if (rejection.status() == 503) {
      return UNAVAILABLE;
    }
    return switch (rejection.reason()) {
      case "statement.signature", "statement.kid-unknown" -> BAD_SIGNATURE;
      case "statement.too-old" -> TOO_OLD;
      case "statement.issuer-unknown" -> UNAPPROVED;
      case "statement.replayed" -> REPLAYED;
      default -> INVALID;
    };
  }
}
