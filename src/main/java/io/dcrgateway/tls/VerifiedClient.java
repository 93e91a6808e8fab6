package io.dcrgateway.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * A TLS client whose certificate passed PKIX validation. What the later stages may rely on.
 *
 * @param certificate the end-entity certificate the client proved possession of in the handshake
 * @param chain the validated path above the leaf, issuer first, without the trust anchor
 * @param trustDomain the configured trust domain whose anchor the path ends at
 */
public record VerifiedClient(X509Certificate certificate, List<X509Certificate> chain, String trustDomain) {

  public VerifiedClient {
    chain = List.copyOf(chain);
  }

  public X500Principal subject() {
    return certificate.getSubjectX500Principal();
  }
}
