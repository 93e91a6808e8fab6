package io.dcrgateway.pipeline;

import io.dcrgateway.policy.Violation;
import io.dcrgateway.replay.Claimed;
import io.dcrgateway.statement.SoftwareStatement;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;

/**
 * A request the checks let through, as it will leave: the body (the original bytes unless the
 * profile amended the metadata) and its content type.
 *
 * @param reported violations a report-only profile let through, for the audit trail
 * @param claimed token ids recorded as used, released if the identity server does not act
 */
record Forwarding(Buffer body, Optional<String> contentType, Optional<SoftwareStatement> statement,
    List<Violation> reported, List<Claimed> claimed) {

  /** Reads and deletes carry nothing to check, so they carry no body either (RFC 7592 §2.1, §2.3). */
  static Forwarding withoutBody() {
    return new Forwarding(Buffer.buffer(), Optional.empty(), Optional.empty(), List.of(), List.of());
  }
}
