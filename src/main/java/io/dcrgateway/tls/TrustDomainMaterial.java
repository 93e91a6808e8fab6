package io.dcrgateway.tls;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** One ecosystem's parsed trust: the anchors a client path must end at and known intermediates. */
public record TrustDomainMaterial(
    String name, Set<TrustAnchor> anchors, List<X509Certificate> intermediates) {

  public TrustDomainMaterial {
    anchors = Set.copyOf(anchors);
    intermediates = List.copyOf(intermediates);
  }

  public List<X509Certificate> anchorCertificates() {
    return anchors.stream().map(TrustAnchor::getTrustedCert).toList();
  }
}
