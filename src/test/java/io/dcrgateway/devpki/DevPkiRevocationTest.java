package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an OCSP responder and a CRL-checking gateway need from dev-pki, checked from the written files. */
class DevPkiRevocationTest {

  private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

  @TempDir
  static Path dir;

  private static DevPkiLayout layout;
  private static X509Certificate tppIssuing;

  @BeforeAll
  static void generate() throws Exception {
    DevPki.generate(dir, DevPkiOptions.defaults());
    layout = new DevPkiLayout(dir);
    tppIssuing = certificate(layout.tppIssuingCa().certificate());
  }

  @Test
  void revokedClientIsAValidPathThatTheIssuingCasCrlLists() throws Exception {
    X509Certificate revoked = certificate(layout.client(DevPkiLayout.REVOKED).certificate());
    X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
        .generateCRL(new ByteArrayInputStream(Files.readAllBytes(layout.tppIssuingCrl())));

    PkixValidation.validate(certificate(layout.tppTrustBundle()),
        Pem.readCertificates(Files.readString(layout.client(DevPkiLayout.REVOKED).chain())));
    crl.verify(tppIssuing.getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(tppIssuing.getSubjectX500Principal());
    assertThat(crl.getNextUpdate().toInstant()).isAfter(Instant.now());
    assertThat(crl.getRevokedCertificates()).hasSize(1);
    assertThat(crl.getRevokedCertificate(revoked.getSerialNumber()).getRevocationReason())
        .isEqualTo(CRLReason.KEY_COMPROMISE);
  }

  @Test
  void ocspResponderIsDelegatedByTheIssuingCaForOcspSigningOnly() throws Exception {
    X509Certificate responder = certificate(layout.ocspResponder().certificate());

    responder.verify(tppIssuing.getPublicKey());
    assertThat(responder.getExtendedKeyUsage()).containsExactly(OCSP_SIGNING);
    assertThat(responder.getBasicConstraints()).isEqualTo(-1);
    assertThat(Pem.readPrivateKey(Files.readString(layout.ocspResponder().privateKey())).getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void ocspIndexListsEveryClientTheIssuingCaSignedWithTheRevokedOneMarkedR() throws Exception {
    List<String> lines = Files.readAllLines(layout.ocspResponder().index());

    // forged and untrusted were not signed by the issuing CA: the responder does not know them.
    assertThat(lines).hasSize(DevPkiLayout.CLIENT_NAMES.size() - 2);
    String revokedSerial = OcspIndex.serial(
        certificate(layout.client(DevPkiLayout.REVOKED).certificate()).getSerialNumber());
    assertThat(lines).filteredOn(line -> line.startsWith("R\t")).singleElement()
        .satisfies(line -> assertThat(line.split("\t")).hasSize(6)
            .satisfies(fields -> assertThat(fields[3]).isEqualTo(revokedSerial))
            .satisfies(fields -> assertThat(fields[2]).endsWith(",keyCompromise")));
  }

  private static X509Certificate certificate(Path file) throws Exception {
    return Pem.readCertificates(Files.readString(file)).get(0);
  }
}
