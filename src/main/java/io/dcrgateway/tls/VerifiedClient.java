package io.dcrgateway.tls;

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
 */
public record VerifiedClient(X509Certificate certificate, List<X509Certificate> chain, String trustDomain,
    Optional<RevocationOutcome> revocation) {

  public VerifiedClient {
    chain = List.copyOf(chain);
  }

  /** PKIX alone: revocation not (yet) asked. */
  public VerifiedClient(X509Certificate certificate, List<X509Certificate> chain, String trustDomain) {
    this(certificate, chain, trustDomain, Optional.empty());
  }

  public VerifiedClient withRevocation(RevocationOutcome outcome) {
    return new VerifiedClient(certificate, chain, trustDomain, Optional.of(outcome));
  }

  public X500Principal subject() {
    return certificate.getSubjectX500Principal();
  }
}
