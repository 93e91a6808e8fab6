package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.ListenerConfig.TlsEngine;
import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client certificates an attacker can mint, over real mutual TLS against the gateway trusting the
 * dev TPP root: each is refused with 401 invalid_client (never 403, SPEC BR-01) or the handshake
 * fails, nothing reaches the identity server, and the gateway serves honest TPPs afterwards.
 * The cases ClientCertificateVerifierTest and ClientCertificateOverTlsTest already cover (forged
 * leaf, untrusted issuer, expired leaf, weak key, wrong EKU) are not repeated here.
 */
class CertificateAttackTest {

  /** RFC 5280 §4.2: an extension the gateway cannot understand, marked critical. */
  private static final ASN1ObjectIdentifier UNKNOWN_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.7.1");
  private static final Instant NOW = Instant.now();

  private static GatewayFixture fixture;
  private static KeyPair sharedKey;
  private static IssuedCertificate root;
  private static IssuedCertificate issuing;

  /**
   * @param keyUsageRefusedInHandshake BoringSSL refuses, in the handshake (alert illegal_parameter),
   *     a client certificate whose keyUsage does not allow the CertificateVerify signature; the JDK
   *     engine leaves it to the gateway's 401
   */
  record Minted(String name, PresentedIdentity identity, String reason, boolean keyUsageRefusedInHandshake) {

    Minted(String name, PresentedIdentity identity, String reason) {
      this(name, identity, reason, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    root = PresentedIdentity.authority(SharedDevPki.layout().tppRootCa());
    issuing = PresentedIdentity.authority(SharedDevPki.layout().tppIssuingCa());
    // One EC key for every minted certificate: key generation would dominate the run otherwise,
    // and key reuse changes nothing the verifier looks at.
    sharedKey = KeySpec.ecP256().generate();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  /** Whatever an attack did, an honest TPP is still served. */
  @AfterEach
  void honestTppStillServed() throws Exception {
    fixture.upstream().clear();
    HttpResponse<Buffer> response = TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{}")).await(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(201);
  }

  static Stream<Minted> refusedAfterTheHandshake() {
    IssuedCertificate caAsClient = leaf("ca-as-client").certificateAuthority().signedBy(issuing);
    IssuedCertificate criticalUnknown = leaf("critical-unknown")
        .extension(UNKNOWN_EXTENSION, true, new DERUTF8String("must understand")).signedBy(issuing);
    IssuedCertificate expiredIntermediate = ca("Expired Intermediate")
        .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).signedBy(root);
    IssuedCertificate constrained = ca("Constrained Intermediate")
        .extension(Extension.nameConstraints, true, new NameConstraints(new GeneralSubtree[] {
            new GeneralSubtree(new GeneralName(new X500Name("O=Permitted TPP,C=BR")))}, null))
        .signedBy(root);
    // RSA like the genuine issuing CA, so the genuine key meets a signature of its own kind and fails on it.
    IssuedCertificate rogueIssuing = CertificateIssuer.forSubject(X500Name.getInstance(issuing.subject().getEncoded()))
        .key(KeySpec.rsa2048()).certificateAuthority(0).selfSigned();
    return Stream.of(
        new Minted("a CA certificate (cA=true) used as a client certificate",
            PresentedIdentity.of(caAsClient), "tls.client-cert.wrong-key-usage", true),
        new Minted("the trusted issuing CA itself, with its own key, as the client",
            new PresentedIdentity(List.of(issuing.certificate()), issuing.privateKey()),
            "tls.client-cert.wrong-key-usage", true),
        new Minted("an unknown critical extension (RFC 5280 §4.2)", PresentedIdentity.of(criticalUnknown),
            "tls.client-cert.invalid-path"),
        new Minted("an expired intermediate", PresentedIdentity.of(leaf("of-expired").signedBy(expiredIntermediate)),
            "tls.client-cert.expired"),
        new Minted("a subject outside the intermediate's name constraints (RFC 5280 §4.2.1.10)",
            PresentedIdentity.of(leaf("outside-constraints").signedBy(constrained)), "tls.client-cert.invalid-path"),
        new Minted("a forged chain: rogue CA named like the trusted issuing CA, sent with its leaf",
            PresentedIdentity.of(leaf("forged-chain").signedBy(rogueIssuing)), "tls.client-cert.bad-signature"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedAfterTheHandshake")
  void refusedWith401InvalidClientAndNothingForwarded(Minted attack) throws Exception {
    if (attack.keyUsageRefusedInHandshake() && TestConfigs.TLS_ENGINE == TlsEngine.OPENSSL) {
      assertThatThrownBy(() -> post(attack.identity()).await(20, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(SSLHandshakeException.class);
      assertThat(fixture.upstream().received()).isEmpty();
      return;
    }
    HttpResponse<Buffer> response = post(attack.identity()).await(20, TimeUnit.SECONDS);

    Refusals.assertRefused(fixture, response, 401, "invalid_client");
    assertThat(Refusals.auditOf(fixture.gateway().audit(), response.getHeader("X-Request-Id")).getString("reason"))
        .isEqualTo(attack.reason());
  }

  /**
   * A 50-certificate chain under the trusted root: the JDK refuses client chains longer than
   * jdk.tls.maxCertificateChainLength (10) in the handshake, or PKIX refuses the path; either way
   * nothing is forwarded and the gateway stays up (checked after each test).
   */
  @Test
  void aFiftyCertificateChainIsRefusedInTheHandshakeOrWith401() throws Exception {
    List<X509Certificate> chain = new ArrayList<>();
    IssuedCertificate parent = root;
    List<IssuedCertificate> intermediates = new ArrayList<>();
    for (int i = 0; i < 49; i++) {
      parent = ca("Deep Intermediate " + i).signedBy(parent);
      intermediates.add(0, parent);
    }
    IssuedCertificate deepLeaf = leaf("deep").signedBy(parent);
    chain.add(deepLeaf.certificate());
    intermediates.forEach(c -> chain.add(c.certificate()));

    HttpResponse<Buffer> response;
    try {
      response = post(new PresentedIdentity(chain, deepLeaf.privateKey())).await(20, TimeUnit.SECONDS);
    } catch (TimeoutException hang) {
      throw hang;
    } catch (Exception handshakeRefused) {
      response = null;
    }

    if (response != null) {
      Refusals.assertRefused(fixture, response, 401, "invalid_client");
    }
    assertThat(fixture.upstream().received()).isEmpty();
  }

  private static Future<HttpResponse<Buffer>> post(PresentedIdentity identity) {
    return identity.client(fixture.vertx())
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(new JsonObject().put("client_name", "attacker").toBuffer());
  }

  private static CertificateIssuer leaf(String name) {
    return CertificateIssuer.forSubject("CN=" + name + ".attacker.example,O=Attacker TPP,C=BR")
        .keyPair(sharedKey).clientAuth();
  }

  private static CertificateIssuer ca(String name) {
    return CertificateIssuer.forSubject("CN=" + name + ",O=Attacker TPP,C=BR").keyPair(sharedKey)
        .certificateAuthority();
  }
}
