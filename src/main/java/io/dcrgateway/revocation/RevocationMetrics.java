package io.dcrgateway.revocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code dcr_gateway_revocation_checks_total{method, result}}: OCSP and CRL answers (good,
 * revoked, unknown); {@code dcr_gateway_revocation_decisions_total{domain, verdict}}: what the
 * mode made of them, {@code unknown-allowed} being the soft-fail pass an operator watches.
 */
public final class RevocationMetrics implements RevocationObserver {

  private final MeterRegistry registry;

  public RevocationMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (String method : new String[] {OcspAnswer.METHOD, CrlChecker.METHOD}) {
      for (RevocationStatus.State state : RevocationStatus.State.values()) {
        checks(method, state.label());
      }
    }
  }

  @Override
  public void answered(RevocationStatus status) {
    checks(status.method(), status.state().label()).increment();
  }

  @Override
  public void decided(String domain, RevocationOutcome outcome) {
    Counter.builder("dcr_gateway_revocation_decisions")
        .description("revocation decisions on client certificates by trust domain and verdict")
        .tag("domain", domain).tag("verdict", outcome.verdict().label())
        .register(registry).increment();
  }

  private Counter checks(String method, String result) {
    return Counter.builder("dcr_gateway_revocation_checks")
        .description("OCSP and CRL answers about client certificates by method and result")
        .tag("method", method).tag("result", result)
        .register(registry);
  }
}
