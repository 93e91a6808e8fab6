package io.dcrgateway.audit;

import io.dcrgateway.audit.AuditEvent.CertificateFacts;
import io.dcrgateway.audit.AuditEvent.RevocationFacts;
import io.dcrgateway.tls.CertificateFingerprint;
import io.dcrgateway.tls.CertificateMemo;
import io.dcrgateway.tls.VerifiedClient;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Identifying facts of a certificate for the audit trail (no key material, no full DER). */
public final class CertificateFactsOf {

  private CertificateFactsOf() {
  }

  private static final CertificateMemo.Key<CertificateFacts> FACTS = new CertificateMemo.Key<>("audit-facts");

  /**
   * A certificate PKIX accepted, with its revocation verdict when one was reached. Names, serial
   * and fingerprint are derived once per verified client: every request of its session is audited.
   */
  public static CertificateFacts of(VerifiedClient client) {
    CertificateFacts facts = client.memo().get(FACTS,
        () -> of(client.certificate(), client.trustDomain(), Optional.empty()));
    return client.revocation().isEmpty() ? facts : new CertificateFacts(facts.subject(), facts.issuer(),
        facts.serialHex(), facts.sha256(), facts.trustDomain(), client.revocation()
            .map(outcome -> new RevocationFacts(outcome.verdict().label(), outcome.detail())));
  }

  /** A certificate refused before any trust domain or revocation check could vouch for it. */
  public static CertificateFacts of(X509Certificate certificate, String trustDomain) {
    return of(certificate, trustDomain, Optional.empty());
  }

  private static CertificateFacts of(X509Certificate certificate, String trustDomain,
      Optional<RevocationFacts> revocation) {
    return new CertificateFacts(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getSerialNumber().toString(16),
        CertificateFingerprint.sha256Hex(certificate),
        trustDomain,
        revocation);
  }
}
