package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC BR-01 / Appendix E item 2: the suite's forged certificate passes name checks, fails crypto. */
class CertificateForgeryTest {

  private static IssuedCertificate root;
  private static IssuedCertificate issuing;
  private static IssuedCertificate original;
  private static IssuedCertificate rogue;
  private static IssuedCertificate forged;

  @BeforeAll
  static void forgeOneCertificate() {
    root = CertificateIssuer.forSubject("CN=Root,O=Test,C=BR").certificateAuthority().selfSigned();
    issuing = CertificateIssuer.forSubject("CN=Issuing,O=Test,C=BR").certificateAuthority(0).signedBy(root);
    OfbSubject subject = OfbSubject.of("tpp.example", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        Cnpj.random(), "Example Ltda");
    original = CertificateIssuer.forSubject(subject.ecosystemName()).clientAuth().dnsNames("tpp.example").signedBy(issuing);
    rogue = CertificateIssuer.forSubject(issuing.subject().getName()).certificateAuthority(0).selfSigned();
    forged = CertificateForgery.forge(original.certificate(), rogue);
  }

  @Test
  void forgedCertificateCopiesSubjectIssuerSerialAndExtensionsButFailsPkixValidation() {
    X509Certificate copy = forged.certificate();
    X509Certificate real = original.certificate();

    assertThat(copy.getSubjectX500Principal().getEncoded()).isEqualTo(real.getSubjectX500Principal().getEncoded());
    assertThat(copy.getIssuerX500Principal().getEncoded()).isEqualTo(real.getIssuerX500Principal().getEncoded());
    assertThat(copy.getSerialNumber()).isEqualTo(real.getSerialNumber());
    assertThat(copy.getNotBefore()).isEqualTo(real.getNotBefore());
    assertThat(copy.getNotAfter()).isEqualTo(real.getNotAfter());
    assertThat(copy.getCriticalExtensionOIDs()).isEqualTo(real.getCriticalExtensionOIDs());
    assertThat(copy.getNonCriticalExtensionOIDs()).isEqualTo(real.getNonCriticalExtensionOIDs());
    for (String oid : real.getNonCriticalExtensionOIDs()) {
      assertThat(copy.getExtensionValue(oid)).as(oid).isEqualTo(real.getExtensionValue(oid));
    }
    for (String oid : real.getCriticalExtensionOIDs()) {
      assertThat(copy.getExtensionValue(oid)).as(oid).isEqualTo(real.getExtensionValue(oid));
    }

    // Presented with the real intermediate (its DN matches), the signature does not verify;
    // presented with the rogue CA, the path does not reach the trusted root.
    assertThatThrownBy(() -> PkixValidation.validate(root.certificate(), List.of(copy, issuing.certificate())))
        .isInstanceOf(CertPathValidatorException.class);
    assertThatThrownBy(() -> PkixValidation.validate(root.certificate(), List.of(copy, rogue.certificate())))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void forgedCertificateIsSignedByTheRogueCaKeyWhileTheOriginalValidates() throws Exception {
    forged.certificate().verify(rogue.certificate().getPublicKey());
    PkixValidation.validate(root.certificate(), List.of(original.certificate(), issuing.certificate()));
  }

  @Test
  void forgedCertificateHasANewKeyOfTheSameSizeAndNoValidRealSignature() {
    assertThat(forged.certificate().getPublicKey()).isNotEqualTo(original.certificate().getPublicKey());
    assertThat(((RSAPublicKey) forged.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThatThrownBy(() -> forged.certificate().verify(issuing.certificate().getPublicKey()))
        .isInstanceOf(SignatureException.class);
    assertThat(forged.issuerChain()).containsExactly(rogue.certificate());
  }
}
