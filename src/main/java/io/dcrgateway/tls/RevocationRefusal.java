package io.dcrgateway.tls;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.revocation.RevocationOutcome;

/**
 * 401 {@code invalid_client} for a certificate PKIX accepted but its revocation status refused
 * (revoked, or unknown under hard-fail). Carries the client, so the audit record of the refusal
 * still names its trust domain and the revocation verdict and detail.
 */
public final class RevocationRefusal extends GatewayException {

  private final VerifiedClient client;

  RevocationRefusal(VerifiedClient client, String reason, RevocationOutcome outcome) {
    super(401, ErrorCodes.INVALID_CLIENT, reason, outcome.description());
    this.client = client;
  }

  /** The refused client, its revocation outcome included. */
  public VerifiedClient client() {
    return client;
  }
}
