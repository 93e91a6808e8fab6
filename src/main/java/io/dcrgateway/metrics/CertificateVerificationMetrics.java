package io.dcrgateway.metrics;

import io.dcrgateway.tls.CertificateRejection;
import io.dcrgateway.tls.CertificateVerification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Full client certificate verifications by result: {@code accepted} or the stable rejection
 * reason id. Every result is registered at zero, so a dashboard shows the forged-certificate
 * line before the first forgery arrives.
 */
public final class CertificateVerificationMetrics implements Consumer<CertificateVerification> {

  static final String NAME = "dcr_gateway_client_certificate_verifications";

  private final Counter accepted;
  private final Map<CertificateRejection.Reason, Counter> rejected = new EnumMap<>(CertificateRejection.Reason.class);

  CertificateVerificationMetrics(MeterRegistry registry) {
    this.accepted = counter(registry, "accepted");
    for (CertificateRejection.Reason reason : CertificateRejection.Reason.values()) {
      rejected.put(reason, counter(registry, reason.id()));
    }
  }

  @Override
  public void accept(CertificateVerification verification) {
    verification.rejection()
        .map(r -> rejected.get(r.reason()))
        .orElse(accepted)
        .increment();
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder(NAME).tag("result", result)
        .description("full client certificate verifications by result (a chain is verified once while its verdict holds)")
        .register(registry);
  }
}
