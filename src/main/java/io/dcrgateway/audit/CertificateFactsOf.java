package io.dcrgateway.audit;

import io.dcrgateway.audit.AuditEvent.CertificateFacts;
import io.dcrgateway.tls.CertificateFingerprint;
import java.security.cert.X509Certificate;

/** Identifying facts of a certificate for the audit trail (no key material, no full DER). */
public final class CertificateFactsOf {

  private CertificateFactsOf() {
  }

  public static CertificateFacts of(X509Certificate certificate, String trustDomain) {
    return new CertificateFacts(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getSerialNumber().toString(16),
        CertificateFingerprint.sha256Hex(certificate),
        trustDomain);
  }
}
