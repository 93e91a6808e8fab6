package io.dcrgateway.devpki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** The JDK's PKIX path validation with one trust anchor: what a gateway's trust check boils down to. */
final class PkixValidation {

  private PkixValidation() {
  }

  /** {@code path}: leaf first, anchor excluded. Throws CertPathValidatorException when invalid. */
  static void validate(X509Certificate anchor, List<X509Certificate> path) throws GeneralSecurityException {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
  }
}
