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
  private static final int MAX_STEPS = 32;

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
    Search search = new Search(presented.subList(1, presented.size()), domain);
    return search.toAnchor(List.of(leaf)).map(found -> validate(found.path(), found.anchor(), now));
  }

  private record NamedPath(List<X509Certificate> path, TrustAnchor anchor) {
  }

  /**
   * Depth-first over issuer names, backtracking when a branch reaches no anchor. Bounded in
   * depth and in total steps: a client choosing its chain must not be able to make a
   * diagnosis cost more than the verification it explains.
   */
  private static final class Search {
    private final List<X509Certificate> presentedAbove;
    private final TrustDomainMaterial domain;
    private int steps;

    Search(List<X509Certificate> presentedAbove, TrustDomainMaterial domain) {
      this.presentedAbove = presentedAbove;
      this.domain = domain;
    }

    Optional<NamedPath> toAnchor(List<X509Certificate> path) {
      X509Certificate current = path.get(path.size() - 1);
      Optional<TrustAnchor> anchor = domain.anchors().stream()
          .filter(a -> issues(a.getTrustedCert(), current)).findFirst();
      if (anchor.isPresent()) {
        return Optional.of(new NamedPath(path, anchor.get()));
      }
      if (path.size() >= MAX_DEPTH) {
        return Optional.empty();
      }
      for (X509Certificate issuer : issuerCandidates(current)) {
        if (++steps > MAX_STEPS) {
          return Optional.empty();
        }
        if (!path.contains(issuer)) {
          List<X509Certificate> longer = new ArrayList<>(path);
          longer.add(issuer);
          Optional<NamedPath> found = toAnchor(longer);
          if (found.isPresent()) {
            return found;
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Configured (trusted) certificates with the issuer's name come first: a forged chain brings
     * its own impostor CA under the trusted name, and the TPP should hear that its certificate
     * does not verify against the real one. Then the client's own, signature-verifying first.
     */
    private List<X509Certificate> issuerCandidates(X509Certificate cert) {
      List<X509Certificate> candidates = new ArrayList<>(
          domain.intermediates().stream().filter(c -> issues(c, cert)).toList());
      presentedAbove.stream().filter(c -> issues(c, cert) && signedBy(cert, c)).forEach(candidates::add);
      presentedAbove.stream().filter(c -> issues(c, cert) && !signedBy(cert, c)).forEach(candidates::add);
      return candidates;
    }
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
