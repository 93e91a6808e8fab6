package io.dcrgateway.tls;

import io.dcrgateway.tls.CertificateRejection.Reason;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explains a failed path build. The PKIX builder only says "no valid path"; to tell a TPP whether
 * its issuer is unknown or its certificate forged, we follow issuer names to an anchor and ask the
 * PKIX validator what breaks on that path. The builder's verdict stands: this only words it.
 */
final class PathDiagnosis {

  private static final int MAX_DEPTH = 8;

  private PathDiagnosis() {
  }

  static CertificateRejection explain(
      List<X509Certificate> presented, List<TrustDomainMaterial> domains, Date now) {
    X509Certificate leaf = presented.get(0);
    for (TrustDomainMaterial domain : domains) {
      Optional<CertificateRejection> found = explainInDomain(leaf, presented, domain, now);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return new CertificateRejection(Reason.UNTRUSTED_ISSUER,
        "client certificate issuer '" + leaf.getIssuerX500Principal().getName()
            + "' is not a trusted certificate authority for this gateway");
  }

  private static Optional<CertificateRejection> explainInDomain(
      X509Certificate leaf, List<X509Certificate> presented, TrustDomainMaterial domain, Date now) {
    List<X509Certificate> presentedAbove = presented.subList(1, presented.size());
    List<X509Certificate> path = new ArrayList<>(List.of(leaf));
    X509Certificate current = leaf;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Optional<TrustAnchor> anchor = issuingAnchor(current, domain);
      if (anchor.isPresent()) {
        return Optional.of(validate(path, anchor.get(), now));
      }
      Optional<X509Certificate> issuer = issuerAmong(current, presentedAbove, domain.intermediates());
      if (issuer.isEmpty() || path.contains(issuer.get())) {
        return Optional.empty();
      }
      path.add(issuer.get());
      current = issuer.get();
    }
    return Optional.empty();
  }

  private static Optional<TrustAnchor> issuingAnchor(X509Certificate cert, TrustDomainMaterial domain) {
    return domain.anchors().stream().filter(a -> issues(a.getTrustedCert(), cert)).findFirst();
  }

  /**
   * A configured (trusted) certificate with the issuer's name wins over anything the client sent:
   * a forged chain brings its own impostor CA under the trusted name, and the TPP should hear
   * that its certificate does not verify against the real one. Among the client's own
   * certificates, one whose key verifies the signature is preferred.
   */
  private static Optional<X509Certificate> issuerAmong(
      X509Certificate cert, List<X509Certificate> presentedAbove, List<X509Certificate> configured) {
    Optional<X509Certificate> trusted = configured.stream().filter(c -> issues(c, cert)).findFirst();
    if (trusted.isPresent()) {
      return trusted;
    }
    List<X509Certificate> named = presentedAbove.stream().filter(c -> issues(c, cert)).toList();
    return named.stream().filter(c -> signedBy(cert, c)).findFirst().or(() -> named.stream().findFirst());
  }

  private static boolean issues(X509Certificate candidate, X509Certificate cert) {
    return candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
  }

  private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static CertificateRejection validate(List<X509Certificate> path, TrustAnchor anchor, Date now) {
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters params = new PKIXParameters(Set.of(anchor));
      params.setRevocationEnabled(false);
      params.setDate(now);
      CertPathValidator.getInstance("PKIX").validate(certPath, params);
      return new CertificateRejection(Reason.INVALID_PATH,
          "client certificate path could not be validated");
    } catch (CertPathValidatorException e) {
      return fromValidator(e, path);
    } catch (Exception e) {
      return new CertificateRejection(Reason.INVALID_PATH,
          "client certificate path could not be validated: " + e.getMessage());
    }
  }

  private static CertificateRejection fromValidator(CertPathValidatorException e, List<X509Certificate> path) {
    int index = e.getIndex();
    String who = index >= 0 && index < path.size()
        ? (index == 0 ? "client certificate" : "issuing certificate '"
            + path.get(index).getSubjectX500Principal().getName() + "'")
        : "client certificate path";
    if (e.getReason() == BasicReason.INVALID_SIGNATURE) {
      return new CertificateRejection(Reason.BAD_SIGNATURE, "signature of the " + who
          + " does not verify with the key of its named issuer: it was not issued by a trusted authority");
    }
    if (e.getReason() == BasicReason.EXPIRED) {
      return new CertificateRejection(Reason.EXPIRED, "the " + who + " has expired");
    }
    if (e.getReason() == BasicReason.NOT_YET_VALID) {
      return new CertificateRejection(Reason.NOT_YET_VALID, "the " + who + " is not yet valid");
    }
    if (e.getReason() == BasicReason.ALGORITHM_CONSTRAINED) {
      return new CertificateRejection(Reason.KEY_TOO_WEAK,
          "the " + who + " uses a key or signature algorithm that is not accepted");
    }
    if (e.getReason() == PKIXReason.INVALID_KEY_USAGE || e.getReason() == PKIXReason.NOT_CA_CERT) {
      return new CertificateRejection(Reason.WRONG_KEY_USAGE,
          "the " + who + " is not allowed to issue certificates");
    }
    return new CertificateRejection(Reason.INVALID_PATH,
        "client certificate path is not valid: " + e.getReason().toString().toLowerCase().replace('_', ' '));
  }
}
