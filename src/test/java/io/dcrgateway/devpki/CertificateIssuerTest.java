package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateIssuerTest {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private static IssuedCertificate root;
  private static IssuedCertificate intermediate;

  @BeforeAll
  static void issueCas() {
    root = CertificateIssuer.forSubject("CN=Test Root,O=Test,C=BR").certificateAuthority().selfSigned();
    intermediate = CertificateIssuer.forSubject("CN=Test Issuing,O=Test,C=BR").certificateAuthority(0).signedBy(root);
  }

  @Test
  void caCertificatesCarryCriticalBasicConstraintsAndCertSignKeyUsage() throws Exception {
    assertThat(root.certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(intermediate.certificate().getBasicConstraints()).isZero();
    assertThat(intermediate.certificate().getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    // keyUsage bits: [5] keyCertSign, [6] cRLSign only.
    assertThat(intermediate.certificate().getKeyUsage())
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(intermediate.certificate().getExtendedKeyUsage()).isNull();
    assertThat(root.issuerChain()).isEmpty();
    assertThat(intermediate.issuerChain()).containsExactly(root.certificate());
  }

  @Test
  void rsaLeafCarriesDigitalSignatureKeyEnciphermentAndTheRequestedExtendedKeyUsage() throws Exception {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=leaf.example").clientAuth().signedBy(intermediate);

    assertThat(leaf.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.certificate().getKeyUsage()).startsWith(true, false, true, false, false, false, false);
    assertThat(leaf.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(leaf.chain()).containsExactly(leaf.certificate(), intermediate.certificate(), root.certificate());
  }

  @Test
  void extendedKeyUsageCanBeServerAuthOnlyOrAbsent() throws Exception {
    IssuedCertificate serverOnly = CertificateIssuer.forSubject("CN=s").clientAuth()
        .extendedKeyUsage(KeyPurpose.SERVER_AUTH).signedBy(intermediate);
    IssuedCertificate none = CertificateIssuer.forSubject("CN=n").clientAuth().noExtendedKeyUsage().signedBy(intermediate);

    assertThat(serverOnly.certificate().getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(none.certificate().getExtendedKeyUsage()).isNull();
  }

  @Test
  void subjectAlternativeNamesCarryDnsNamesAndIpAddresses() throws Exception {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=localhost")
        .dnsNames("localhost", "gateway.test").ipAddresses("127.0.0.1", "::1").signedBy(intermediate);

    assertThat(leaf.certificate().getSubjectAlternativeNames()).containsExactly(
        List.of(2, "localhost"), List.of(2, "gateway.test"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
  }

  @Test
  void authorityKeyIdentifierIsTheIssuersSubjectKeyIdentifier() throws Exception {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=leaf").signedBy(intermediate);

    var issuerSki = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(intermediate.certificate()).getExtensions());
    var leafAki = AuthorityKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(leaf.certificate()).getExtensions());
    assertThat(leafAki.getKeyIdentifierObject().getOctets()).isEqualTo(issuerSki.getKeyIdentifier());
  }

  @Test
  void ecIssuerSignsWithSha256WithEcdsaAndEcLeafOnlySigns() throws Exception {
    IssuedCertificate ecCa = CertificateIssuer.forSubject("CN=EC CA").key(KeySpec.ecP256()).certificateAuthority(0).selfSigned();
    IssuedCertificate ecLeaf = CertificateIssuer.forSubject("CN=ec leaf").key(KeySpec.ecP256()).clientAuth().signedBy(ecCa);

    assertThat(ecLeaf.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(ecLeaf.certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(ecLeaf.certificate().getKeyUsage()).startsWith(true, false, false);
    PkixValidation.validate(ecCa.certificate(), List.of(ecLeaf.certificate()));
  }

  @Test
  void validityMayLieEntirelyInThePastMakingAnExpiredCertificate() {
    Instant now = Instant.now();
    IssuedCertificate expired = CertificateIssuer.forSubject("CN=old")
        .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).signedBy(intermediate);

    assertThatThrownBy(() -> expired.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);
    assertThatThrownBy(() -> PkixValidation.validate(root.certificate(), List.of(expired.certificate(), intermediate.certificate())))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void chosenSerialAndRsaSizeAreUsed() {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=s").serial(BigInteger.valueOf(4242)).key(KeySpec.rsa(1024))
        .signedBy(intermediate);

    assertThat(leaf.certificate().getSerialNumber()).isEqualTo(BigInteger.valueOf(4242));
    assertThat(((RSAPublicKey) leaf.certificate().getPublicKey()).getModulus().bitLength())
        .isEqualTo(1024);
  }

  @Test
  void leafIssuedThroughTheIntermediateValidatesAgainstTheRoot() throws Exception {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=ok").clientAuth().signedBy(intermediate);

    PkixValidation.validate(root.certificate(), List.of(leaf.certificate(), intermediate.certificate()));
  }

  @Test
  void stringSubjectReadsAsRfc4514SoGetNameGivesItBack() {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=leaf.example,O=Example Ltda,C=BR").signedBy(intermediate);

    assertThat(leaf.subject().getName()).isEqualTo("CN=leaf.example,O=Example Ltda,C=BR");
    assertThat(leaf.certificate().getIssuerX500Principal()).isEqualTo(intermediate.subject());
  }

  @Test
  void extraExtensionReplacesTheGeneratedOne() throws Exception {
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=odd")
        .extension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(new byte[] {1, 2, 3}))
        .extension(new ASN1ObjectIdentifier("1.2.3.4.5"), false, new DERUTF8String("x"))
        .signedBy(intermediate);

    var extensions = new JcaX509CertificateHolder(leaf.certificate()).getExtensions();
    assertThat(SubjectKeyIdentifier.fromExtensions(extensions).getKeyIdentifier()).containsExactly(1, 2, 3);
    assertThat(leaf.certificate().getNonCriticalExtensionOIDs()).contains("1.2.3.4.5");
  }
}
