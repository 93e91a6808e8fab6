package io.dcrgateway.tls;

import io.dcrgateway.dn.DistinguishedName;
import io.dcrgateway.revocation.RevocationOutcome;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * A TLS client whose certificate passed PKIX validation. What the later stages may rely on.
 *
 * @param certificate the end-entity certificate the client proved possession of in the handshake
 * @param chain the validated path above the leaf, issuer first, without the trust anchor
 * @param trustDomain the configured trust domain whose anchor the path ends at
 * @param revocation what its trust domain's revocation check decided; empty when no domain checks
 *     revocation. A soft-fail pass ({@code unknown-allowed}) is admitted, and the audit trail says so.
 * @param memo what later stages derived from the certificate, shared with every copy of this
 *     client (with or without a revocation outcome)
 */
public record VerifiedClient(X509Certificate certificate, List<X509Certificate> chain, String trustDomain,
    Optional<RevocationOutcome> revocation, CertificateMemo memo) {

  private static final CertificateMemo.Key<DistinguishedName> SUBJECT_NAME = new CertificateMemo.Key<>("subject-name");

  public VerifiedClient {
    chain = List.copyOf(chain);
  }

  public VerifiedClient(X509Certificate certificate, List<X509Certificate> chain, String trustDomain,
      Optional<RevocationOutcome> revocation) {
    this(certificate, chain, trustDomain, revocation, new CertificateMemo());
  }

  /** PKIX alone: revocation not (yet) asked. */
  public VerifiedClient(X509Certificate certificate, List<X509Certificate> chain, String trustDomain) {
    this(certificate, chain, trustDomain, Optional.empty());
  }

  public VerifiedClient withRevocation(RevocationOutcome outcome) {
    return new VerifiedClient(certificate, chain, trustDomain, Optional.of(outcome), memo);
  }

  /**
   * The certificate's subject as the rules compare it (RFC 4517 distinguishedNameMatch), parsed
   * once per client: several rules, ownership and the audit read it for every request.
   */
  public DistinguishedName subjectName() {
    return memo.get(SUBJECT_NAME, () -> DistinguishedName.subjectOf(certificate));
  }

  public X500Principal subject() {
    return certificate.getSubjectX500Principal();
  }
}
