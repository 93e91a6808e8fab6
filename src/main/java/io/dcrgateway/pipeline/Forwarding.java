package io.dcrgateway.pipeline;

import io.dcrgateway.policy.Violation;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.statement.SoftwareStatement;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;

/**
 * A request the checks let through, as it will leave: the body (the original bytes unless the
 * profile amended the metadata) and its content type.
 *
 * @param reported violations a report-only profile let through, for the audit trail
 */
record Forwarding(Buffer body, Optional<String> contentType, Optional<SoftwareStatement> statement,
    List<Violation> reported) {

  /** Reads and deletes carry nothing to check: they leave as they came. */
  static Forwarding asReceived(RegistrationRequest request) {
    return new Forwarding(request.body(), Optional.empty(), Optional.empty(), List.of());
  }
}
