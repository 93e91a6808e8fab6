package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.CryptoConfig;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.crypto.PublicKeyCrypto;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.OpenSslClient;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * crypto.provider and the server's handshake signature (RFC 8446 §4.4.3 CertificateVerify,
 * RFC 5246 §7.4.3 ServerKeyExchange): with AWS-LC the RSA signature of every full handshake is
 * made by AWS-LC, in each scheme a client may ask for, and an independent client (OpenSSL)
 * verifies it; with the built-in code BoringSSL makes it.
 */
class ServerKeySignerTest extends BoringSslListenerTest {

  @Test
  void awsLcLoadsOnTheMachinesTheGatewayShipsFor() throws Exception {
    PublicKeyCrypto crypto = PublicKeyCrypto.select(CryptoConfig.Provider.AWS_LC);
    assertThat(crypto.awsLc()).isPresent();
    assertThat(crypto.description()).startsWith("AWS-LC ");
  }

  @Test
  void withAwsLcEverySignatureSchemeAClientMayAskForIsSignedThereAndVerifies() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withCrypto(CryptoConfig.Provider.AWS_LC))) {
      String[][] cases = {
          {"-tls1_3", "rsa_pss_rsae_sha256", "RSA-PSS", "SHA256"},
          {"-tls1_3", "rsa_pss_rsae_sha384", "RSA-PSS", "SHA384"},
          {"-tls1_3", "rsa_pss_rsae_sha512", "RSA-PSS", "SHA512"},
          {"-tls1_2", "rsa_pss_rsae_sha256", "RSA-PSS", "SHA256"},
          {"-tls1_2", "rsa_pkcs1_sha256", "RSA", "SHA256"},
          {"-tls1_2", "rsa_pkcs1_sha384", "RSA", "SHA384"},
          {"-tls1_2", "rsa_pkcs1_sha512", "RSA", "SHA512"},
      };
      for (String[] c : cases) {
        long before = ServerKeySigner.SIGNED.sum();
        String out = handshake(gateway, c[0], c[1]);
        assertThat(out).as(String.join(" ", c)).contains("Signature type: " + c[2] + "\n")
            .contains("Hash used: " + c[3]).contains("Verification: OK");
        assertThat(ServerKeySigner.SIGNED.sum() - before).as(String.join(" ", c)).isEqualTo(1);
      }
    }
  }

  @Test
  void withTheBuiltInCodeBoringSslSigns() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withCrypto(CryptoConfig.Provider.BUILT_IN))) {
      long before = ServerKeySigner.SIGNED.sum();
      assertThat(handshake(gateway, "-tls1_3", "rsa_pss_rsae_sha256")).contains("Verification: OK");
      assertThat(ServerKeySigner.SIGNED.sum()).isEqualTo(before);
    }
  }

  @Test
  void anEcServerKeyStaysWithBoringSsl() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=gateway.localhost");
    Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name, pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", pair.getPrivate(), new char[0], new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, new char[0]);

    assertThat(ServerKeySigner.of(PublicKeyCrypto.select(CryptoConfig.Provider.AWS_LC).awsLc().orElseThrow(), keys))
        .isEmpty();
  }

  private static GatewayConfig withCrypto(CryptoConfig.Provider provider) {
    return TestConfigs.withCrypto(TestConfigs.forUpstream(upstream.baseUrl()), new CryptoConfig(provider));
  }

  /** A full handshake by OpenSSL 3.0 with a client certificate, asking for one signature scheme. */
  private static String handshake(RunningGateway gateway, String protocol, String scheme) throws Exception {
    DevPkiLayout pki = SharedDevPki.layout();
    return OpenSslClient.sClient(gateway.port(), "-brief", protocol, "-sigalgs", scheme,
        "-cert", pki.client(DevPkiLayout.OFB_TPP1_A).certificate().toString(),
        "-key", pki.client(DevPkiLayout.OFB_TPP1_A).privateKey().toString(),
        "-CAfile", pki.serverCa().certificate().toString());
  }
}
