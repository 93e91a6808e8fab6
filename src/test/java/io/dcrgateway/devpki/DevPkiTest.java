package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One generation, checked file by file against the layout other components rely on. */
class DevPkiTest {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @TempDir
  static Path dir;

  private static Instant generatedAround;
  private static DevPkiManifest manifest;
  private static DevPkiLayout layout;
  private static X509Certificate tppRoot;
  private static X509Certificate tppIssuing;

  @BeforeAll
  static void generate() throws Exception {
    generatedAround = Instant.now();
    manifest = DevPki.generate(dir, DevPkiOptions.defaults());
    layout = new DevPkiLayout(dir);
    tppRoot = single(layout.tppTrustBundle());
    tppIssuing = single(layout.tppIntermediates());
  }

  @Test
  void writesEveryFileOfTheLayout() {
    assertThat(layout.allFiles()).allSatisfy(file -> assertThat(file).isRegularFile().isNotEmptyFile());
  }

  @Test
  void trustBundleHoldsOnlyTheRootAndIntermediatesTheIssuingCaWithPathLengthZero() throws Exception {
    assertThat(certificates(layout.tppTrustBundle())).containsExactly(single(layout.tppRootCa().certificate()));
    assertThat(tppRoot.getSubjectX500Principal()).isEqualTo(tppRoot.getIssuerX500Principal());
    assertThat(certificates(layout.tppIntermediates())).containsExactly(single(layout.tppIssuingCa().certificate()));
    assertThat(tppIssuing.getIssuerX500Principal()).isEqualTo(tppRoot.getSubjectX500Principal());
    assertThat(tppIssuing.getBasicConstraints()).isZero();
    tppIssuing.verify(tppRoot.getPublicKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ofb-tpp1-a", "ofb-tpp1-b", "ofb-tpp2", "ofb-legacy", "uk-tpp", "weak-key", "wrong-eku"})
  void chainOfAGoodClientValidatesAgainstTheTppRoot(String name) throws Exception {
    PkixValidation.validate(tppRoot, certificates(layout.client(name).chain()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"forged", "untrusted", "expired"})
  void chainOfAForgedUntrustedOrExpiredClientFailsPkixValidation(String name) throws Exception {
    List<X509Certificate> chain = certificates(layout.client(name).chain());

    assertThatThrownBy(() -> PkixValidation.validate(tppRoot, chain)).isInstanceOf(CertPathValidatorException.class);
    // Nor does swapping in the real issuing CA rescue it (the forged DN names that CA).
    List<X509Certificate> withRealIssuer = List.of(chain.get(0), tppIssuing);
    assertThatThrownBy(() -> PkixValidation.validate(tppRoot, withRealIssuer)).isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void forgedClientCopiesTpp1aNamesSerialAndExtensionsOnANewKeySignedByTheRogueCa() throws Exception {
    X509Certificate real = single(layout.client(DevPkiLayout.OFB_TPP1_A).certificate());
    X509Certificate forged = single(layout.client(DevPkiLayout.FORGED).certificate());
    X509Certificate rogue = single(layout.rogueCa().certificate());

    assertThat(forged.getSubjectX500Principal().getEncoded()).isEqualTo(real.getSubjectX500Principal().getEncoded());
    assertThat(forged.getIssuerX500Principal().getEncoded()).isEqualTo(real.getIssuerX500Principal().getEncoded());
    assertThat(forged.getSerialNumber()).isEqualTo(real.getSerialNumber());
    for (String oid : real.getNonCriticalExtensionOIDs()) {
      assertThat(forged.getExtensionValue(oid)).as(oid).isEqualTo(real.getExtensionValue(oid));
    }
    assertThat(forged.getCriticalExtensionOIDs()).isEqualTo(real.getCriticalExtensionOIDs());
    assertThat(forged.getPublicKey()).isNotEqualTo(real.getPublicKey());
    forged.verify(rogue.getPublicKey());
    assertThat(certificates(layout.client(DevPkiLayout.FORGED).chain())).containsExactly(forged, rogue);
    assertThat(manifest.client("forged").subjectDn()).isEqualTo(manifest.client("ofb-tpp1-a").subjectDn());
    assertThat(manifest.client("forged").issuerDn()).isEqualTo(manifest.client("ofb-tpp1-a").issuerDn());
    assertThat(manifest.client("forged").serialHex()).isEqualTo(manifest.client("ofb-tpp1-a").serialHex());
  }

  @Test
  void rogueCaIsSelfSignedUnderTheIssuingCaSubject() throws Exception {
    X509Certificate rogue = single(layout.rogueCa().certificate());

    assertThat(rogue.getSubjectX500Principal().getEncoded()).isEqualTo(tppIssuing.getSubjectX500Principal().getEncoded());
    assertThat(rogue.getIssuerX500Principal()).isEqualTo(rogue.getSubjectX500Principal());
    rogue.verify(rogue.getPublicKey());
    assertThat(rogue.getPublicKey()).isNotEqualTo(tppIssuing.getPublicKey());
  }

  @Test
  void untrustedClientChainEndsInTheUntrustedCa() throws Exception {
    X509Certificate untrustedCa = single(layout.untrustedCa().certificate());

    assertThat(certificates(layout.client(DevPkiLayout.UNTRUSTED).chain()))
        .containsExactly(single(layout.client(DevPkiLayout.UNTRUSTED).certificate()), untrustedCa);
    assertThat(untrustedCa.getIssuerX500Principal()).isEqualTo(untrustedCa.getSubjectX500Principal());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ofb-tpp1-a", "ofb-tpp1-b", "ofb-tpp2", "ofb-legacy", "uk-tpp", "expired", "weak-key", "wrong-eku"})
  void chainFileOfAClientIssuedByTheIssuingCaIsTheLeafThenTheIssuingCa(String name) throws Exception {
    assertThat(certificates(layout.client(name).chain())).containsExactly(single(layout.client(name).certificate()), tppIssuing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ofb-tpp1-a", "ofb-tpp1-b", "ofb-tpp2", "ofb-legacy", "uk-tpp", "expired", "untrusted", "forged"})
  void clientLeafFollowsTheOfbClientCertificateProfile(String name) throws Exception {
    X509Certificate leaf = single(layout.client(name).certificate());

    assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getKeyUsage()).startsWith(true, false, true, false, false, false, false);
    assertThat(leaf.getCriticalExtensionOIDs()).contains("2.5.29.15");
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, DevPkiLayout.OFB_TPP1_A.equals(name)
        || DevPkiLayout.FORGED.equals(name) ? "ofb-tpp1-a.tpp.dcr-gateway.test" : name + ".tpp.dcr-gateway.test"));
  }

  @Test
  void clientValidityRunsFromAnHourAgoForTwoYearsAndTheExpiredOneEndedYesterday() throws Exception {
    X509Certificate good = single(layout.client(DevPkiLayout.OFB_TPP2).certificate());
    X509Certificate expired = single(layout.client(DevPkiLayout.EXPIRED).certificate());

    assertThat(good.getNotBefore().toInstant()).isBetween(
        generatedAround.minus(Duration.ofMinutes(61)), generatedAround.minus(Duration.ofMinutes(59)));
    assertThat(good.getNotAfter().toInstant()).isBetween(
        generatedAround.plus(Duration.ofDays(729)), generatedAround.plus(Duration.ofDays(731)));
    assertThat(expired.getNotAfter().toInstant()).isBetween(
        generatedAround.minus(Duration.ofDays(1)).minusSeconds(60), generatedAround.minus(Duration.ofDays(1)).plusSeconds(60));
    assertThat(expired.getNotBefore().toInstant()).isBefore(generatedAround.minus(Duration.ofDays(700)));
  }

  @Test
  void weakKeyClientHasRsa1024AndWrongEkuClientHasServerAuthOnly() throws Exception {
    X509Certificate weak = single(layout.client(DevPkiLayout.WEAK_KEY).certificate());
    X509Certificate wrongEku = single(layout.client(DevPkiLayout.WRONG_EKU).certificate());

    assertThat(((RSAPublicKey) weak.getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
    assertThat(weak.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(wrongEku.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(((RSAPublicKey) wrongEku.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
  }

  @Test
  void tpp1CertificatesShareSoftwareAndOrgButNotKeySerialOrCommonName() throws Exception {
    DevPkiManifest.Client a = manifest.client(DevPkiLayout.OFB_TPP1_A);
    DevPkiManifest.Client b = manifest.client(DevPkiLayout.OFB_TPP1_B);
    DevPkiManifest.Client other = manifest.client(DevPkiLayout.OFB_TPP2);

    assertThat(b.softwareId()).isEqualTo(a.softwareId());
    assertThat(b.orgId()).isEqualTo(a.orgId());
    assertThat(b.cnpj()).isEqualTo(a.cnpj());
    assertThat(b.serialHex()).isNotEqualTo(a.serialHex());
    assertThat(b.subjectDn()).isNotEqualTo(a.subjectDn());
    assertThat(single(b.files().certificate()).getPublicKey()).isNotEqualTo(single(a.files().certificate()).getPublicKey());
    assertThat(other.softwareId()).isNotEqualTo(a.softwareId());
    assertThat(other.orgId()).isNotEqualTo(a.orgId());
    assertThat(other.cnpj()).isNotEqualTo(a.cnpj());
  }

  @Test
  void ofbClientSubjectsNameSoftwareInUidAndOrgInOrganizationIdentifierOrLegacyOu() {
    DevPkiManifest.Client a = manifest.client(DevPkiLayout.OFB_TPP1_A);
    DevPkiManifest.Client legacy = manifest.client(DevPkiLayout.OFB_LEGACY);

    assertThat(a.softwareId()).matches(UUID_PATTERN);
    assertThat(a.orgId()).matches(UUID_PATTERN);
    assertThat(a.cnpj()).matches("\\d{14}");
    assertThat(a.subjectDn()).startsWith("CN=ofb-tpp1-a.tpp.dcr-gateway.test,UID=" + a.softwareId() + ",2.5.4.97=#0c")
        .contains(",C=BR,2.5.4.5=#13", ",1.3.6.1.4.1.311.60.2.1.3=#13024252,");
    // The legacy certificate is TPP 1's software and org, so both readings of org_id can be compared.
    assertThat(legacy.layout()).isEqualTo(SubjectLayout.OFB_LEGACY);
    assertThat(legacy.softwareId()).isEqualTo(a.softwareId());
    assertThat(legacy.orgId()).isEqualTo(a.orgId());
    assertThat(legacy.subjectDn()).contains(",UID=" + a.softwareId() + ",OU=" + a.orgId() + ",").doesNotContain("2.5.4.97");
  }

  @Test
  void ukClientSubjectIsCnSoftwareIdOuOrgIdWithBase62Ids() {
    DevPkiManifest.Client uk = manifest.client(DevPkiLayout.UK_TPP);

    assertThat(uk.softwareId()).matches("[0-9A-Za-z]{22}");
    assertThat(uk.orgId()).matches("[0-9A-Za-z]{18}");
    assertThat(uk.cnpj()).isNull();
    assertThat(uk.subjectDn()).isEqualTo("CN=" + uk.softwareId() + ",OU=" + uk.orgId() + ",O=OpenBanking,C=GB");
  }

  @Test
  void serverCertificateCoversLocalhostAndLoopbackForServerAuthUnderTheServerCa() throws Exception {
    X509Certificate server = single(layout.server().certificate());
    X509Certificate serverCa = single(layout.serverCa().certificate());

    assertThat(server.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(((RSAPublicKey) server.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(certificates(layout.server().chain())).containsExactly(server, serverCa);
    PkixValidation.validate(serverCa, List.of(server));
    assertThat(keyMatches(layout.server().privateKey(), server)).isTrue();
  }

  @Test
  void pkcs12OpensWithPasswordAndHoldsKeyAndChain() throws Exception {
    DevPkiLayout.LeafFiles files = layout.client(DevPkiLayout.OFB_TPP1_A);
    KeyStore store = loadPkcs12(files.pkcs12(), "changeit");

    assertThat(store.aliases().asIterator()).toIterable().containsExactly("ofb-tpp1-a");
    assertThat(store.isKeyEntry("ofb-tpp1-a")).isTrue();
    PrivateKey key = (PrivateKey) store.getKey("ofb-tpp1-a", "changeit".toCharArray());
    assertThat(key.getEncoded()).isEqualTo(Pem.readPrivateKey(Files.readString(files.privateKey())).getEncoded());
    assertThat(List.of(store.getCertificateChain("ofb-tpp1-a"))).isEqualTo(certificates(files.chain()));
    assertThat(loadPkcs12(layout.server().pkcs12(), "changeit").getCertificateChain("server"))
        .containsExactly(certificates(layout.server().chain()).toArray(Certificate[]::new));
    assertThatThrownBy(() -> loadPkcs12(files.pkcs12(), "wrong")).isInstanceOf(IOException.class);
  }

  @Test
  void keyFilesArePkcs8PemAndMatchTheirCertificates() throws Exception {
    List<Path> keys = new ArrayList<>(List.of(layout.tppRootCa().privateKey(), layout.tppIssuingCa().privateKey(),
        layout.serverCa().privateKey(), layout.rogueCa().privateKey(), layout.untrustedCa().privateKey()));
    List<Path> certificates = new ArrayList<>(List.of(layout.tppRootCa().certificate(), layout.tppIssuingCa().certificate(),
        layout.serverCa().certificate(), layout.rogueCa().certificate(), layout.untrustedCa().certificate()));
    for (String name : DevPkiLayout.CLIENT_NAMES) {
      keys.add(layout.client(name).privateKey());
      certificates.add(layout.client(name).certificate());
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(Files.readString(keys.get(i))).as(keys.get(i).toString()).startsWith("-----BEGIN PRIVATE KEY-----");
      assertThat(keyMatches(keys.get(i), single(certificates.get(i)))).as(keys.get(i).toString()).isTrue();
    }
  }

  @Test
  void directoryJwksHoldsOnlyThePublicKey() throws Exception {
    JWKSet jwks = JWKSet.load(layout.directoryJwks().toFile());
    RSAKey signingKey = RSAKey.parse(Files.readString(layout.directorySigningKey()));

    assertThat(jwks.getKeys()).hasSize(1);
    JWK published = jwks.getKeys().get(0);
    assertThat(published.isPrivate()).isFalse();
    assertThat(Files.readString(layout.directoryJwks())).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    assertThat(published).isEqualTo(signingKey.toPublicJWK());
    assertThat(signingKey.isPrivate()).isTrue();
    assertThat(signingKey.size()).isEqualTo(2048);
    // BR-06: PS256, use=sig, kid present; the kid is the RFC 7638 thumbprint.
    assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
    assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(published.getKeyID()).isEqualTo(signingKey.computeThumbprint().toString())
        .isEqualTo(manifest.directory().kid());
  }

  @Test
  void everyClientHasItsOwnPs256RequestSigningKeyWithAPublicOnlyJwks() throws Exception {
    List<String> kids = new ArrayList<>();
    for (String name : DevPkiLayout.CLIENT_NAMES) {
      RSAKey signingKey = RSAKey.parse(Files.readString(layout.clientSigningKey(name)));
      JWKSet jwks = JWKSet.load(layout.clientJwks(name).toFile());

      assertThat(signingKey.isPrivate()).as(name).isTrue();
      assertThat(signingKey.size()).isEqualTo(2048);
      assertThat(jwks.getKeys()).containsExactly(signingKey.toPublicJWK());
      assertThat(Files.readString(layout.clientJwks(name))).doesNotContain("\"d\"", "\"p\"", "\"q\"");
      // UK-03: PS256, use=sig, kid = RFC 7638 thumbprint.
      assertThat(signingKey.getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
      assertThat(signingKey.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
      assertThat(signingKey.getKeyID()).isEqualTo(signingKey.computeThumbprint().toString());
      assertThat(manifest.client(name).signingKey()).isEqualTo(new DevPkiManifest.SigningKey(
          signingKey.getKeyID(), layout.clientSigningKey(name), layout.clientJwks(name)));
      kids.add(signingKey.getKeyID());
    }
    kids.add(manifest.directory().kid());
    assertThat(kids).doesNotHaveDuplicates();
  }

  @Test
  void privateKeysAreOwnerReadableOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    try (var files = Files.walk(dir)) {
      List<Path> secrets = files.filter(file -> file.toString().matches(".*\\.(key|p12|jwk)$")).toList();
      // CA keys, server key, client keys, server and client PKCS#12, directory and client signing
      // JWKs, the OCSP responder's key.
      assertThat(secrets).hasSize(5 + 1 + DevPkiLayout.CLIENT_NAMES.size()
          + 1 + DevPkiLayout.CLIENT_NAMES.size() + 1 + DevPkiLayout.CLIENT_NAMES.size() + 1);
      for (Path secret : secrets) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
            .isEqualTo("rw-------");
      }
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.manifest()))).isEqualTo("rw-------");
  }

  @Test
  void manifestRecordsEachClientsIdentityDnSerialAndFiles() throws Exception {
    assertThat(manifest.clients().keySet()).containsExactlyInAnyOrderElementsOf(DevPkiLayout.CLIENT_NAMES);
    for (String name : DevPkiLayout.CLIENT_NAMES) {
      DevPkiManifest.Client client = manifest.client(name);
      X509Certificate leaf = single(layout.client(name).certificate());
      assertThat(client.files()).isEqualTo(layout.client(name));
      assertThat(client.subjectDn()).isEqualTo(leaf.getSubjectX500Principal().getName());
      assertThat(client.issuerDn()).isEqualTo(leaf.getIssuerX500Principal().getName());
      assertThat(client.serialHex()).isEqualTo(leaf.getSerialNumber().toString(16));
      assertThat(client.notAfter()).isEqualTo(leaf.getNotAfter().toInstant());
      assertThat(client.description()).isNotBlank();
    }
    assertThat(manifest.pkcs12Password()).isEqualTo("changeit");
    assertThat(manifest.trust().tppTrustBundle()).isEqualTo(layout.tppTrustBundle());
    assertThat(manifest.server()).isEqualTo(layout.server());
  }

  @Test
  void manifestFileReadsBackAsTheReturnedRecordWithPathsRelativeToTheRoot() throws Exception {
    JsonNode json = new ObjectMapper().readTree(layout.manifest().toFile());

    assertThat(DevPkiManifest.read(dir)).isEqualTo(manifest);
    assertThat(json.at("/clients/ofb-tpp1-a/files/certificate").asText()).isEqualTo("clients/ofb-tpp1-a.pem");
    assertThat(json.at("/clients/ofb-tpp1-a/software_id").asText()).isEqualTo(manifest.client("ofb-tpp1-a").softwareId());
    assertThat(json.at("/clients/ofb-tpp1-a/layout").asText()).isEqualTo("ofb-ecosystem");
    assertThat(json.at("/clients/uk-tpp/cnpj").isNull()).isTrue();
    assertThat(json.at("/directory/kid").asText()).isEqualTo(manifest.directory().kid());
    assertThat(json.at("/clients/uk-tpp/signing_key/private_jwk").asText()).isEqualTo("clients/uk-tpp-signing.jwk");
    assertThat(json.at("/clients/uk-tpp/signing_key/jwks").asText()).isEqualTo("clients/uk-tpp-jwks.json");
    assertThat(json.at("/pkcs12_password").asText()).isEqualTo("changeit");
    assertThat(Instant.parse(json.at("/generated_at").asText())).isEqualTo(manifest.generatedAt());
  }

  static List<X509Certificate> certificates(Path pemFile) throws IOException, GeneralSecurityException {
    return Pem.readCertificates(Files.readString(pemFile, StandardCharsets.US_ASCII));
  }

  static X509Certificate single(Path pemFile) throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = certificates(pemFile);
    assertThat(certificates).as(pemFile.toString()).hasSize(1);
    return certificates.get(0);
  }

  static KeyStore loadPkcs12(Path file, String password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  /** The key signs something the certificate's public key verifies. */
  private static boolean keyMatches(Path keyFile, X509Certificate certificate) throws IOException, GeneralSecurityException {
    PrivateKey key = Pem.readPrivateKey(Files.readString(keyFile));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(new byte[] {42});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(new byte[] {42});
    return verifier.verify(signature);
  }
}
