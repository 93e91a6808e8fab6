package io.dcrgateway.revocation;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CRL as read from one location, with its signature checks remembered (verifying a large CRL
 * hashes all of it: once per issuer key is enough).
 */
final class LoadedCrl {

  private static final int CRL_SIGN = 6;

  private final X509CRL crl;
  private final Instant loadedAt;
  private final Map<String, Boolean> signedBy = new ConcurrentHashMap<>();

  LoadedCrl(X509CRL crl, Instant loadedAt) {
    this.crl = crl;
    this.loadedAt = loadedAt;
  }

  X509CRL crl() {
    return crl;
  }

  Instant loadedAt() {
    return loadedAt;
  }

  boolean isFor(X509Certificate issuer) {
    return crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
  }

  /** RFC 5280 §6.3.3 (f), (g): the CA's key signed it, and the CA may sign CRLs. */
  boolean isSignedBy(X509Certificate issuer) {
    boolean[] usage = issuer.getKeyUsage();
    if (usage != null && !usage[CRL_SIGN]) {
      return false;
    }
    return signedBy.computeIfAbsent(java.util.Base64.getEncoder().encodeToString(issuer.getPublicKey().getEncoded()),
        key -> {
          try {
            crl.verify(issuer.getPublicKey());
            return true;
          } catch (Exception e) {
            return false;
          }
        });
  }

  /** nextUpdate is required of CA's CRLs (RFC 5280 §5.1.2.5); without it freshness is unknowable. */
  boolean isCurrent(Instant now) {
    return crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isAfter(now)
        && !crl.getThisUpdate().toInstant().isAfter(now.plus(OcspAnswer.CLOCK_SKEW));
  }

  /** Delta, indirect-only or otherwise extended CRLs this gateway does not interpret are not relied on. */
  boolean isComplete() {
    return !crl.hasUnsupportedCriticalExtension()
        && crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.deltaCRLIndicator.getId()) == null;
  }
}
