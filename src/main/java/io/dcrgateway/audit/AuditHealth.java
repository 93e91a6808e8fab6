package io.dcrgateway.audit;

import java.util.Optional;

/**
 * Whether the audit trail can take records right now. Every decision must be recorded, so while
 * it cannot the gateway makes none that matter: requests are refused (503) before they are
 * forwarded, readiness reports it and a metric counts the failures.
 */
public interface AuditHealth {

  /** A trail that never fails (the logger alone: its failures are the logging system's). */
  AuditHealth ALWAYS = new AuditHealth() {
    @Override
    public Optional<String> problem() {
      return Optional.empty();
    }

    @Override
    public long writeFailures() {
      return 0;
    }
  };

  /** Why records cannot be written now; empty while they can. */
  Optional<String> problem();

  /** Failed write attempts so far. */
  long writeFailures();
}
