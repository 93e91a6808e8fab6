package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.devpki.CertificateForgery;
import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import io.dcrgateway.testkit.TestClock;
import io.dcrgateway.tls.CertificateRejection.Reason;
import java.security.KeyPair;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PKIX validation of the client's certificate (RFC 8705 §2.1; OFB Cert Std; FAPI 1 Advanced §8.6):
 * a path from the leaf to a configured anchor, with valid signatures and dates, a leaf fit for
 * clientAuth, and keys no smaller than the minimums. Each rejection names one stable reason.
 *
 * <p>The clock is fixed years away from the build date: a verifier that read the system clock
 * instead would reject every certificate here as not yet valid.
 */
class ClientCertificateVerifierTest {

  private static final Instant NOW = Instant.parse("2031-01-15T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TrustConfig.KeyMinimums MINIMUMS = new TrustConfig.KeyMinimums(2048, 256);

  private static final String ROOT_NAME = "CN=Test Root CA,O=Dcr Gateway Tests,C=BR";
  private static final String ISSUING_NAME = "CN=Test Issuing CA,O=Dcr Gateway Tests,C=BR";

  private static KeyPair leafKey;

  private static IssuedCertificate root;
  private static IssuedCertificate issuing;
  private static IssuedCertificate leaf;
  private static IssuedCertificate leafUnderRoot;

  private static IssuedCertificate rogueIssuing;
  private static IssuedCertificate rogueRoot;
  private static IssuedCertificate forgedLeaf;
  private static IssuedCertificate forgedLeafUnderRoot;

  private static IssuedCertificate unrelatedCa;
  private static IssuedCertificate unrelatedLeaf;

  private static IssuedCertificate expiredLeaf;
  private static IssuedCertificate notYetValidLeaf;
  private static IssuedCertificate expiredIssuing;
  private static IssuedCertificate leafOfExpiredIssuing;
  private static IssuedCertificate notYetValidIssuing;
  private static IssuedCertificate leafOfNotYetValidIssuing;

  private static IssuedCertificate rsa1024Leaf;
  private static IssuedCertificate ecLeaf;
  private static IssuedCertificate rsa1024Issuing;
  private static IssuedCertificate leafOfRsa1024Issuing;
  private static IssuedCertificate rsa1024Root;
  private static IssuedCertificate leafOfRsa1024Root;

  private static IssuedCertificate serverAuthLeaf;
  private static IssuedCertificate noEkuLeaf;
  private static IssuedCertificate keyEnciphermentOnlyLeaf;
  private static IssuedCertificate notCaIssuer;
  private static IssuedCertificate leafOfNotCaIssuer;

  private static IssuedCertificate rootB;
  private static IssuedCertificate leafB;

  /** Domain "a": the root as anchor and its issuing CA as configured intermediate. */
  private static TrustMaterial rootAndIssuing;
  /** Domain "a" with only the root: intermediates must come from the client. */
  private static TrustMaterial rootOnly;

  @BeforeAll
  static void mintCertificates() {
    // RSA key generation dominates the run time: one key per distinct role, made once.
    KeyPair[] rsa = Stream.generate(KeySpec::rsa2048).limit(8).parallel().map(KeySpec::generate)
        .toArray(KeyPair[]::new);
    KeyPair rootKey = rsa[0];
    KeyPair issuingKey = rsa[1];
    leafKey = rsa[2];
    KeyPair rogueKey = rsa[3];
    KeyPair unrelatedKey = rsa[4];
    KeyPair rootBKey = rsa[5];
    KeyPair notCaKey = rsa[6];
    KeyPair forgedLeafKey = rsa[7];
    KeyPair weakLeafKey = KeySpec.rsa(1024).generate();
    KeyPair weakIssuingKey = KeySpec.rsa(1024).generate();
    KeyPair weakRootKey = KeySpec.rsa(1024).generate();
    KeyPair ecKey = KeySpec.ecP256().generate();

    root = ca(ROOT_NAME, rootKey).certificateAuthority().selfSigned();
    issuing = ca(ISSUING_NAME, issuingKey).certificateAuthority(0).signedBy(root);
    leaf = client("tpp").signedBy(issuing);
    leafUnderRoot = client("tpp-under-root").signedBy(root);

    // The conformance suite's forgery: the trusted issuer's exact name on a self-signed rogue CA.
    rogueIssuing = ca(ISSUING_NAME, rogueKey).certificateAuthority(0).selfSigned();
    forgedLeaf = CertificateForgery.forge(leaf.certificate(), rogueIssuing, forgedLeafKey);
    rogueRoot = ca(ROOT_NAME, rogueKey).certificateAuthority().selfSigned();
    forgedLeafUnderRoot = CertificateForgery.forge(leafUnderRoot.certificate(), rogueRoot, forgedLeafKey);

    unrelatedCa = ca("CN=Unrelated CA,O=Elsewhere,C=BR", unrelatedKey).certificateAuthority().selfSigned();
    unrelatedLeaf = client("tpp-elsewhere").signedBy(unrelatedCa);

    expiredLeaf = client("tpp-expired")
        .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).signedBy(issuing);
    notYetValidLeaf = client("tpp-early")
        .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400))).signedBy(issuing);
    expiredIssuing = ca("CN=Expired Issuing CA,O=Dcr Gateway Tests,C=BR", issuingKey).certificateAuthority(0)
        .validity(NOW.minus(Duration.ofDays(1000)), NOW.minus(Duration.ofDays(1))).signedBy(root);
    leafOfExpiredIssuing = client("tpp-of-expired-ca").signedBy(expiredIssuing);
    notYetValidIssuing = ca("CN=Future Issuing CA,O=Dcr Gateway Tests,C=BR", issuingKey).certificateAuthority(0)
        .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1000))).signedBy(root);
    leafOfNotYetValidIssuing = client("tpp-of-future-ca").signedBy(notYetValidIssuing);

    rsa1024Leaf = client("tpp-rsa1024").keyPair(weakLeafKey).signedBy(issuing);
    ecLeaf = client("tpp-ec").keyPair(ecKey).signedBy(issuing);
    rsa1024Issuing = ca("CN=Weak Issuing CA,O=Dcr Gateway Tests,C=BR", weakIssuingKey).certificateAuthority(0)
        .signedBy(root);
    leafOfRsa1024Issuing = client("tpp-of-weak-ca").signedBy(rsa1024Issuing);
    rsa1024Root = ca("CN=Weak Root CA,O=Dcr Gateway Tests,C=BR", weakRootKey).certificateAuthority().selfSigned();
    leafOfRsa1024Root = client("tpp-of-weak-root").signedBy(rsa1024Root);

    serverAuthLeaf = client("tpp-server").noExtendedKeyUsage().serverAuth().signedBy(issuing);
    noEkuLeaf = client("tpp-no-eku").noExtendedKeyUsage().signedBy(issuing);
    keyEnciphermentOnlyLeaf = client("tpp-no-signing").keyUsage(KeyUsage.keyEncipherment).signedBy(issuing);
    // Everything an issuer needs except the cA flag: keyCertSign is set, so only basicConstraints is wrong.
    notCaIssuer = ca("CN=Not A CA,O=Dcr Gateway Tests,C=BR", notCaKey)
        .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature).signedBy(root);
    leafOfNotCaIssuer = client("tpp-of-not-a-ca").signedBy(notCaIssuer);

    rootB = ca("CN=Root B,O=Other Ecosystem,C=GB", rootBKey).certificateAuthority().selfSigned();
    leafB = client("tpp-b").signedBy(rootB);

    rootAndIssuing = trusting(domain("a", root, issuing));
    rootOnly = trusting(domain("a", root));
  }

  // ---------------------------------------------------------------------------------------------
  // Accepted paths

  record Accepted(String clause, TrustMaterial trust, List<X509Certificate> presented,
      List<X509Certificate> expectedChain, String expectedDomain) {
    @Override
    public String toString() {
      return clause;
    }
  }

  static Stream<Accepted> acceptedPaths() {
    return Stream.of(
        new Accepted("leaf sent with its intermediate is accepted, chain is the intermediate without the anchor",
            rootAndIssuing, certs(leaf, issuing), certs(issuing), "a"),
        new Accepted("leaf sent alone is completed by the configured intermediate",
            rootAndIssuing, certs(leaf), certs(issuing), "a"),
        new Accepted("intermediate the client sends counts when none is configured",
            rootOnly, certs(leaf, issuing), certs(issuing), "a"),
        new Accepted("leaf issued directly by the anchor has an empty chain",
            rootOnly, certs(leafUnderRoot), certs(), "a"),
        new Accepted("EC P-256 leaf meets the EC minimum",
            rootAndIssuing, certs(ecLeaf, issuing), certs(issuing), "a"),
        new Accepted("leaf without an extendedKeyUsage extension may be used for any purpose",
            rootAndIssuing, certs(noEkuLeaf, issuing), certs(issuing), "a"),
        new Accepted("leaf of the second trust domain is accepted under that domain",
            trusting(domain("a", root, issuing), domain("b", rootB)), certs(leafB), certs(), "b"),
        new Accepted("leaf of the first trust domain stays in that domain when a second exists",
            trusting(domain("a", root, issuing), domain("b", rootB)), certs(leaf), certs(issuing), "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedPaths")
  void pathThatEndsAtAConfiguredAnchorIsAcceptedWithTheChainAboveTheLeaf(Accepted c) {
    CertificateVerification result = new ClientCertificateVerifier(c.trust(), CLOCK).verify(c.presented());

    assertThat(result.rejection()).isEmpty();
    assertThat(result.client()).hasValueSatisfying(client -> {
      assertThat(client.certificate()).isEqualTo(c.presented().get(0));
      assertThat(client.chain()).containsExactlyElementsOf(c.expectedChain());
      assertThat(client.trustDomain()).isEqualTo(c.expectedDomain());
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Rejections: one table per clause, each row the exact reason and the words the TPP reads

  record Rejected(String clause, TrustMaterial trust, List<X509Certificate> presented,
      Reason reason, String phrase) {
    @Override
    public String toString() {
      return clause + " -> " + reason;
    }
  }

  static Stream<Rejected> outsideValidity() {
    return Stream.of(
        new Rejected("expired leaf", rootAndIssuing, certs(expiredLeaf, issuing), Reason.EXPIRED,
            "client certificate expired at " + expiredLeaf.certificate().getNotAfter().toInstant()),
        new Rejected("not-yet-valid leaf", rootAndIssuing, certs(notYetValidLeaf, issuing), Reason.NOT_YET_VALID,
            "client certificate is not valid before " + notYetValidLeaf.certificate().getNotBefore().toInstant()),
        new Rejected("expired intermediate", rootOnly, certs(leafOfExpiredIssuing, expiredIssuing), Reason.EXPIRED,
            "the issuing certificate '" + name(expiredIssuing) + "' has expired"),
        new Rejected("expired intermediate known only from config", trusting(domain("a", root, expiredIssuing)),
            certs(leafOfExpiredIssuing), Reason.EXPIRED,
            "the issuing certificate '" + name(expiredIssuing) + "' has expired"),
        new Rejected("not-yet-valid intermediate", rootOnly, certs(leafOfNotYetValidIssuing, notYetValidIssuing),
            Reason.NOT_YET_VALID, "the issuing certificate '" + name(notYetValidIssuing) + "' is not yet valid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsideValidity")
  void certificateOnThePathOutsideItsValidityWindowIsExpiredOrNotYetValid(Rejected c) {
    assertRejected(c);
  }

  static Stream<Rejected> forgeries() {
    String badSignature = "signature of the client certificate does not verify with the key of its named issuer";
    return Stream.of(
        new Rejected("forged leaf sent with the rogue CA, as curl sends it", rootAndIssuing,
            certs(forgedLeaf, rogueIssuing), Reason.BAD_SIGNATURE, badSignature),
        new Rejected("forged leaf sent alone", rootAndIssuing, certs(forgedLeaf), Reason.BAD_SIGNATURE, badSignature),
        new Rejected("forged leaf naming the anchor itself, sent with a rogue root", rootOnly,
            certs(forgedLeafUnderRoot, rogueRoot), Reason.BAD_SIGNATURE, badSignature));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void forgedLeafThatCopiesTheTrustedIssuerNameFailsOnItsSignature(Rejected c) {
    assertRejected(c);
  }

  /**
   * The client sends the real intermediate too: the rogue CA (whose key does verify the leaf)
   * leads nowhere, the real one leads to the anchor, and there the leaf's signature fails.
   */
  @Test
  void forgedLeafSentBesideTheRealIntermediateFailsOnItsSignature() {
    CertificateVerification result = new ClientCertificateVerifier(rootOnly, CLOCK)
        .verify(certs(forgedLeaf, rogueIssuing, issuing));

    assertThat(result.client()).isEmpty();
    assertThat(result.rejection().orElseThrow().reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  /**
   * Only the anchor configured: the rogue CA is the only certificate carrying the issuer's name,
   * and it leads to no anchor, so the gateway cannot say more than "untrusted". Still refused.
   */
  @Test
  void forgedChainIsAnUntrustedIssuerWhenTheRealIntermediateIsKnownNowhere() {
    assertRejected(new Rejected("forged leaf + rogue CA, intermediate unconfigured", rootOnly,
        certs(forgedLeaf, rogueIssuing), Reason.UNTRUSTED_ISSUER,
        "client certificate issuer '" + ISSUING_NAME + "' is not a trusted certificate authority"));
  }

  static Stream<Rejected> untrustedIssuers() {
    return Stream.of(
        new Rejected("leaf of an unrelated CA sent with that CA", rootAndIssuing,
            certs(unrelatedLeaf, unrelatedCa), Reason.UNTRUSTED_ISSUER,
            "client certificate issuer '" + name(unrelatedCa) + "' is not a trusted certificate authority"),
        new Rejected("leaf sent alone whose intermediate is configured nowhere", rootOnly,
            certs(leaf), Reason.UNTRUSTED_ISSUER,
            "client certificate issuer '" + ISSUING_NAME + "' is not a trusted certificate authority"),
        new Rejected("leaf of domain b when only domain a is trusted", rootAndIssuing,
            certs(leafB), Reason.UNTRUSTED_ISSUER,
            "client certificate issuer '" + name(rootB) + "' is not a trusted certificate authority"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untrustedIssuers")
  void leafWhosePathReachesNoConfiguredAnchorIsAnUntrustedIssuer(Rejected c) {
    assertRejected(c);
  }

  static Stream<Rejected> weakKeys() {
    return Stream.of(
        new Rejected("RSA 1024 leaf", rootAndIssuing, certs(rsa1024Leaf, issuing), Reason.KEY_TOO_WEAK,
            "client certificate RSA key has 1024 bits; at least 2048 are required"),
        new Rejected("RSA 1024 intermediate", rootOnly, certs(leafOfRsa1024Issuing, rsa1024Issuing),
            Reason.KEY_TOO_WEAK,
            "issuing certificate '" + name(rsa1024Issuing) + "' RSA key has 1024 bits; at least 2048 are required"),
        new Rejected("RSA 1024 anchor", trusting(domain("weak", rsa1024Root)), certs(leafOfRsa1024Root),
            Reason.KEY_TOO_WEAK,
            "issuing certificate '" + name(rsa1024Root) + "' RSA key has 1024 bits; at least 2048 are required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weakKeys")
  void keyBelowTheMinimumAnywhereOnThePathIncludingTheAnchorIsTooWeak(Rejected c) {
    assertRejected(c);
  }

  static Stream<Rejected> notForClientAuthentication() {
    return Stream.of(
        new Rejected("leaf with extendedKeyUsage serverAuth only", rootAndIssuing, certs(serverAuthLeaf, issuing),
            Reason.WRONG_KEY_USAGE, "extended key usage does not include clientAuth"),
        new Rejected("leaf whose keyUsage lacks digitalSignature", rootAndIssuing,
            certs(keyEnciphermentOnlyLeaf, issuing), Reason.WRONG_KEY_USAGE,
            "key usage does not include digitalSignature"),
        new Rejected("the trusted intermediate presented as the client certificate", rootAndIssuing,
            certs(issuing, root), Reason.WRONG_KEY_USAGE, "client certificate is a CA certificate"),
        new Rejected("the trusted intermediate presented alone", rootAndIssuing,
            certs(issuing), Reason.WRONG_KEY_USAGE, "client certificate is a CA certificate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notForClientAuthentication")
  void leafNotMeantForClientAuthenticationHasTheWrongKeyUsage(Rejected c) {
    assertRejected(c);
  }

  /** RFC 5280 §4.2.1.9: only a certificate with cA=true may sign certificates on a path. */
  @Test
  void issuerWithoutTheCaFlagCannotIssueClientCertificates() {
    assertRejected(new Rejected("leaf signed by a cA=false certificate", rootOnly,
        certs(leafOfNotCaIssuer, notCaIssuer), Reason.WRONG_KEY_USAGE,
        "the issuing certificate '" + name(notCaIssuer) + "' is not allowed to issue certificates"));
  }

  @Test
  void noCertificateIsRejectedAsMissing() {
    assertRejected(new Rejected("empty chain", rootAndIssuing, List.of(), Reason.NO_CERTIFICATE,
        "no client certificate was presented"));
  }

  @Test
  void aChainSeenBeforeGetsTheSameVerdictWithoutASecondPkixRun() {
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(rootAndIssuing, CLOCK);
    assertThat(verifier.verifications()).isZero();

    CertificateVerification first = verifier.verify(certs(leaf, issuing));
    CertificateVerification forged = verifier.verify(certs(forgedLeaf, rogueIssuing));
    verifier.verify(List.of());

    assertThat(verifier.verify(certs(leaf, issuing))).isSameAs(first);
    assertThat(verifier.verify(certs(forgedLeaf, rogueIssuing))).isSameAs(forged);
    verifier.verify(List.of());
    assertThat(verifier.verifications()).isEqualTo(3);
  }

  @Test
  void theSameLeafWithAnotherChainIsVerifiedOnItsOwn() {
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(rootAndIssuing, CLOCK);

    assertThat(verifier.verify(certs(leaf, issuing)).client()).isPresent();
    assertThat(verifier.verify(certs(leaf)).client()).as("issuing CA known to the trust material").isPresent();
    assertThat(verifier.verify(certs(leaf, rogueIssuing)).client()).isPresent();

    assertThat(verifier.verifications()).isEqualTo(3);
  }

  @Test
  void aVerdictIsReachedAgainOnceItsMaximumAgeHasPassed() {
    TestClock clock = new TestClock(NOW);
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(rootAndIssuing, clock);
    verifier.verify(certs(leaf, issuing));

    clock.advance(VerifiedChains.MAX_AGE.minusSeconds(1));
    verifier.verify(certs(leaf, issuing));
    assertThat(verifier.verifications()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    verifier.verify(certs(leaf, issuing));
    assertThat(verifier.verifications()).isEqualTo(2);
  }

  @Test
  void anAcceptanceNeverOutlivesTheCertificate() {
    IssuedCertificate shortLived = client("tpp-short-lived")
        .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofMinutes(1))).signedBy(issuing);
    TestClock clock = new TestClock(NOW);
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(rootAndIssuing, clock);
    assertThat(verifier.verify(certs(shortLived, issuing)).client()).isPresent();

    clock.advance(Duration.ofMinutes(2));

    assertThat(verifier.verify(certs(shortLived, issuing)).rejection())
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void aRejectionAsNotYetValidLastsOnlyUntilTheCertificateStarts() {
    IssuedCertificate soon = client("tpp-soon")
        .validity(NOW.plus(Duration.ofMinutes(1)), NOW.plus(Duration.ofDays(30))).signedBy(issuing);
    TestClock clock = new TestClock(NOW);
    ClientCertificateVerifier verifier = new ClientCertificateVerifier(rootAndIssuing, clock);
    assertThat(verifier.verify(certs(soon, issuing)).rejection())
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.NOT_YET_VALID));

    clock.advance(Duration.ofMinutes(2));

    assertThat(verifier.verify(certs(soon, issuing)).client()).isPresent();
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertRejected(Rejected c) {
    CertificateVerification result = new ClientCertificateVerifier(c.trust(), CLOCK).verify(c.presented());

    assertThat(result.client()).as("accepted client").isEmpty();
    assertThat(result.rejection()).hasValueSatisfying(rejection -> {
      assertThat(rejection.reason()).as("reason, with description %s", rejection.description())
          .isEqualTo(c.reason());
      assertThat(rejection.description()).contains(c.phrase());
    });
  }

  private static CertificateIssuer ca(String name, KeyPair key) {
    return CertificateIssuer.forSubject(name).keyPair(key)
        .validity(NOW.minus(Duration.ofDays(3 * 365)), NOW.plus(Duration.ofDays(5 * 365)));
  }

  private static CertificateIssuer client(String host) {
    return CertificateIssuer.forSubject("CN=" + host + ".example,O=Example TPP,C=BR")
        .keyPair(leafKey).clientAuth()
        .validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(335)));
  }

  private static TrustDomainMaterial domain(String name, IssuedCertificate anchor, IssuedCertificate... intermediates) {
    return new TrustDomainMaterial(name, Set.of(new TrustAnchor(anchor.certificate(), null)),
        Arrays.stream(intermediates).map(IssuedCertificate::certificate).toList());
  }

  private static TrustMaterial trusting(TrustDomainMaterial... domains) {
    return new TrustMaterial(List.of(domains), MINIMUMS);
  }

  private static List<X509Certificate> certs(IssuedCertificate... certificates) {
    return Arrays.stream(certificates).map(IssuedCertificate::certificate).toList();
  }

  private static String name(IssuedCertificate certificate) {
    return certificate.subject().getName();
  }
}
