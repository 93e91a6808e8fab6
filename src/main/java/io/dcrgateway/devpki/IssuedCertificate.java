package io.dcrgateway.devpki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate with its private key and the certificates above it, nearest issuer first. The
 * chain stops below the trust anchor's own issuer: for a self-signed certificate it is empty.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuerChain) {

  public IssuedCertificate {
    issuerChain = List.copyOf(issuerChain);
  }

  /** Leaf first, then its issuers: the order a TLS peer sends (RFC 5246 §7.4.2). */
  public List<X509Certificate> chain() {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuerChain);
    return List.copyOf(chain);
  }

  public KeyPair keyPair() {
    return new KeyPair(certificate.getPublicKey(), privateKey);
  }

  public X500Principal subject() {
    return certificate.getSubjectX500Principal();
  }
}
