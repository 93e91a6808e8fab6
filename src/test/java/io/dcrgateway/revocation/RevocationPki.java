package io.dcrgateway.revocation;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.CrlIssuer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeyPurpose;
import io.dcrgateway.devpki.OcspIndex;
import io.dcrgateway.devpki.Pem;
import io.dcrgateway.testkit.SharedDevPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The shared dev PKI's issuing CA, its clients and OCSP responder, read back from the files
 * dev-pki wrote, plus what a test needs beyond them: index files, CRLs, an unauthorised responder.
 */
final class RevocationPki {

  static final DevPkiLayout LAYOUT = SharedDevPki.layout();

  private RevocationPki() {
  }

  static IssuedCertificate issuingCa() {
    return issued(LAYOUT.tppIssuingCa().certificate(), LAYOUT.tppIssuingCa().privateKey());
  }

  /** Self-signed with the issuing CA's very subject DN: a CRL it signs names the right issuer. */
  static IssuedCertificate rogueCa() {
    return issued(LAYOUT.rogueCa().certificate(), LAYOUT.rogueCa().privateKey());
  }

  static X509Certificate client(String name) {
    return certificate(LAYOUT.client(name).certificate());
  }

  /** An OCSP signing certificate from a CA that is not the client's issuer: not authorised (RFC 6960 §4.2.2.2). */
  static IssuedCertificate unauthorisedResponder() {
    return CertificateIssuer.forSubject("CN=Not The Issuer's Responder,O=dcr-gateway test,C=BR")
        .keyUsage(KeyUsage.digitalSignature).extendedKeyUsage(KeyPurpose.OCSP_SIGNING)
        .signedBy(issued(LAYOUT.untrustedCa().certificate(), LAYOUT.untrustedCa().privateKey()));
  }

  /** ofb-tpp1-a valid, revoked revoked; ofb-tpp2 left out, so the responder answers "unknown". */
  static Path index(Path dir) throws Exception {
    Path index = dir.resolve("index.txt");
    Files.writeString(index, OcspIndex.valid(client(DevPkiLayout.OFB_TPP1_A)) + "\n"
        + OcspIndex.revoked(client(DevPkiLayout.REVOKED), Instant.now().minusSeconds(600), "keyCompromise") + "\n",
        StandardCharsets.US_ASCII);
    return index;
  }

  static Path write(Path file, IssuedCertificate issued) throws Exception {
    Files.writeString(file, Pem.certificate(issued.certificate()), StandardCharsets.US_ASCII);
    Path key = file.resolveSibling(file.getFileName() + ".key");
    Files.writeString(key, Pem.privateKey(issued.privateKey()), StandardCharsets.US_ASCII);
    return file;
  }

  static Path write(Path file, X509CRL crl) throws Exception {
    Files.writeString(file, Pem.crl(crl), StandardCharsets.US_ASCII);
    return file;
  }

  /** A CRL of the issuing CA valid from a minute ago until {@code nextUpdate}, listing the revoked client. */
  static CrlIssuer crl(Instant nextUpdate) {
    return CrlIssuer.by(issuingCa()).validity(Instant.now().minusSeconds(60), nextUpdate)
        .revoke(client(DevPkiLayout.REVOKED).getSerialNumber(), Instant.now().minusSeconds(600),
            org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
  }

  static X509Certificate certificate(Path file) {
    try {
      return Pem.readCertificates(Files.readString(file)).get(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static IssuedCertificate issued(Path certificate, Path key) {
    try {
      return new IssuedCertificate(certificate(certificate), Pem.readPrivateKey(Files.readString(key)), List.of());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
