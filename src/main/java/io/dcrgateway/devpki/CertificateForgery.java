package io.dcrgateway.devpki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The OIDF conformance suite's "bad certificate" (GenerateFakeMTLSCertificate, SPEC BR-01): the
 * real certificate's subject, issuer DN, serial, validity and every extension, AKI included, on a
 * fresh key signed by a rogue CA. Names and numbers match the original exactly, so only
 * cryptographic path validation (Appendix E item 2) tells it apart.
 */
public final class CertificateForgery {

  private CertificateForgery() {
  }

  /** A forgery on a new key of the same kind as the original's (RSA of the same size, or EC P-256). */
  public static IssuedCertificate forge(X509Certificate original, IssuedCertificate rogueCa) {
    return forge(original, rogueCa, KeySpec.sameAs(original.getPublicKey()).generate());
  }

  public static IssuedCertificate forge(X509Certificate original, IssuedCertificate rogueCa, KeyPair newKey) {
    try {
      JcaX509CertificateHolder source = new JcaX509CertificateHolder(original);
      // The holder keeps the DER of both names, so string types and RDN order survive unchanged.
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          source.getIssuer(), original.getSerialNumber(),
          original.getNotBefore(), original.getNotAfter(),
          source.getSubject(), newKey.getPublic());
      Extensions extensions = source.getExtensions();
      if (extensions != null) {
        for (var oid : extensions.getExtensionOIDs()) {
          builder.addExtension(extensions.getExtension(oid));
        }
      }
      X509CertificateHolder forged = builder.build(ContentSigners.forKey(rogueCa.privateKey()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(forged);
      return new IssuedCertificate(certificate, newKey.getPrivate(), List.of(rogueCa.certificate()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot forge " + original.getSubjectX500Principal(), e);
    }
  }
}
