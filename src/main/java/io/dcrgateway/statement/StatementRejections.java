package io.dcrgateway.statement;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import java.util.Map;

/** The errors of the statement stage: 400 {@code invalid_software_statement} unless said otherwise. */
final class StatementRejections {

  private StatementRejections() {
  }

  static GatewayException invalid(String reason, String description) {
    return new GatewayException(400, ErrorCodes.INVALID_SOFTWARE_STATEMENT, reason, description);
  }

  /** RFC 7591 §3.2.2: valid, but not approved for use by this authorization server. */
  static GatewayException unapproved(String reason, String description) {
    return new GatewayException(400, ErrorCodes.UNAPPROVED_SOFTWARE_STATEMENT, reason, description);
  }

  /** Keys or replay store unavailable: fail closed, and tell the TPP it may retry. */
  static GatewayException unavailable(String reason, String description) {
    return new GatewayException(503, ErrorCodes.TEMPORARILY_UNAVAILABLE, reason, description,
        Map.of("Retry-After", "30"));
  }
}
