package io.dcrgateway.tls;

import io.dcrgateway.tls.CertificateRejection.Reason;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Cryptographic PKIX validation of a client's certificate: from the leaf, through the
 * intermediates the client sent and the configured ones, to a configured trust anchor
 * (signatures, validity, basic constraints), plus what PKIX leaves to the application:
 * leaf key usage / clientAuth EKU and minimum key sizes (RFC 8705 §2.1, OFB cert standard).
 * A DN or issuer-name check alone would accept the conformance suite's forged certificate;
 * this does not.
 */
public final class ClientCertificateVerifier {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int DIGITAL_SIGNATURE = 0;

  private final TrustMaterial trust;
  private final Clock clock;
  private final LongAdder verifications = new LongAdder();
  private final VerifiedChains verified = new VerifiedChains();
  private final Consumer<CertificateVerification> observer;

  public ClientCertificateVerifier(TrustMaterial trust, Clock clock) {
    this(trust, clock, verification -> { });
  }

  /** @param observer told every result (metrics count verifications by result) */
  public ClientCertificateVerifier(TrustMaterial trust, Clock clock, Consumer<CertificateVerification> observer) {
    this.trust = trust;
    this.clock = clock;
    this.observer = observer;
  }

  public TrustMaterial trust() {
    return trust;
  }

  /**
   * Number of full verifications run: a chain is verified once while its verdict holds (see
   * {@link VerifiedChains}), whatever the connections, sessions and requests that present it.
   */
  public long verifications() {
    return verifications.sum();
  }

  /** @param presented the client's chain as sent in the TLS Certificate message, leaf first */
  public CertificateVerification verify(List<X509Certificate> presented) {
    Instant now = clock.instant();
    Optional<String> key = VerifiedChains.keyOf(presented);
    Optional<CertificateVerification> known = key.flatMap(k -> verified.get(k, now));
    if (known.isPresent()) {
      return known.get();
    }
    verifications.increment();
    CertificateVerification result = verifyChain(presented, now);
    key.ifPresent(k -> verified.put(k, presented, result, now));
    observer.accept(result);
    return result;
  }

  private CertificateVerification verifyChain(List<X509Certificate> presented, Instant now) {
    if (presented.isEmpty()) {
      return CertificateVerification.rejected(Reason.NO_CERTIFICATE,
          "no client certificate was presented; registration requires mutual TLS with a"
              + " certificate issued by a trusted authority");
    }
    X509Certificate leaf = presented.get(0);
    Optional<CertificateVerification> leafProblem = checkLeaf(leaf, now);
    if (leafProblem.isPresent()) {
      return leafProblem.get();
    }
    for (TrustDomainMaterial domain : trust.domains()) {
      Optional<PKIXCertPathBuilderResult> path = buildPath(presented, domain, now);
      if (path.isPresent()) {
        return accept(leaf, path.get(), domain);
      }
    }
    CertificateRejection why = PathDiagnosis.explain(presented, trust.domains(), Date.from(now));
    return new CertificateVerification(Optional.empty(), Optional.of(why));
  }

  /** Leaf checks first: they give the TPP the most precise message. */
  private Optional<CertificateVerification> checkLeaf(X509Certificate leaf, Instant now) {
    try {
      leaf.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      return Optional.of(CertificateVerification.rejected(Reason.EXPIRED,
          "client certificate expired at " + leaf.getNotAfter().toInstant()));
    } catch (CertificateNotYetValidException e) {
      return Optional.of(CertificateVerification.rejected(Reason.NOT_YET_VALID,
          "client certificate is not valid before " + leaf.getNotBefore().toInstant()));
    }
    if (leaf.getBasicConstraints() >= 0) {
      return Optional.of(CertificateVerification.rejected(Reason.WRONG_KEY_USAGE,
          "client certificate is a CA certificate; present an end-entity certificate"));
    }
    boolean[] keyUsage = leaf.getKeyUsage();
    if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
      return Optional.of(CertificateVerification.rejected(Reason.WRONG_KEY_USAGE,
          "client certificate key usage does not include digitalSignature"));
    }
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku != null && !eku.contains(CLIENT_AUTH)) {
        return Optional.of(CertificateVerification.rejected(Reason.WRONG_KEY_USAGE,
            "client certificate extended key usage does not include clientAuth"));
      }
    } catch (CertificateParsingException e) {
      return Optional.of(CertificateVerification.rejected(Reason.WRONG_KEY_USAGE,
          "client certificate extended key usage cannot be parsed"));
    }
    return KeyStrength.weakness(leaf.getPublicKey(), trust.keyMinimums())
        .map(w -> CertificateVerification.rejected(Reason.KEY_TOO_WEAK, "client certificate " + w));
  }

  private static Optional<PKIXCertPathBuilderResult> buildPath(
      List<X509Certificate> presented, TrustDomainMaterial domain, Instant now) {
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(presented.get(0));
      PKIXBuilderParameters params = new PKIXBuilderParameters(domain.anchors(), target);
      // Revocation (OCSP/CRL) is a separate, asynchronous stage; PKIX here must not go online.
      params.setRevocationEnabled(false);
      params.setDate(Date.from(now));
      List<Certificate> pool = new ArrayList<>(presented);
      pool.addAll(domain.intermediates());
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      return Optional.of((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private CertificateVerification accept(
      X509Certificate leaf, PKIXCertPathBuilderResult result, TrustDomainMaterial domain) {
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate c : result.getCertPath().getCertificates()) {
      chain.add((X509Certificate) c);
    }
    chain.remove(0);
    List<X509Certificate> above = new ArrayList<>(chain);
    above.add(result.getTrustAnchor().getTrustedCert());
    for (X509Certificate ca : above) {
      Optional<String> weak = KeyStrength.weakness(ca.getPublicKey(), trust.keyMinimums());
      if (weak.isPresent()) {
        return CertificateVerification.rejected(Reason.KEY_TOO_WEAK, "issuing certificate '"
            + ca.getSubjectX500Principal().getName() + "' " + weak.get());
      }
    }
    return CertificateVerification.accepted(new VerifiedClient(leaf, chain, domain.name()));
  }
}
