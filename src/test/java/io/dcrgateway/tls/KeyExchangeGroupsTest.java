package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import io.dcrgateway.testkit.OpenSslClient;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemTrustOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * listener.tls.groups (RFC 8446 §4.2.7, draft-ietf-tls-ecdhe-mlkem): the handshake's key exchange
 * uses only the configured groups; by default the post-quantum hybrid X25519MLKEM768 for clients
 * that offer it, and the classic curves for everyone else.
 */
class KeyExchangeGroupsTest extends BoringSslListenerTest {

  @Test
  void byDefaultAClientOfferingOnlyTheHybridGroupGetsIt() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withGroups(ServerTlsConfig.DEFAULT_GROUPS))) {
      assertThat(handshakeOffering(gateway, "X25519MLKEM768")).isTrue();
    }
  }

  @Test
  void byDefaultAClassicClientStillGetsX25519() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withGroups(ServerTlsConfig.DEFAULT_GROUPS))) {
      assertThat(openssl(gateway, "X25519")).contains("Server Temp Key: X25519");
    }
  }

  @Test
  void withoutTheHybridGroupAClientOfferingOnlyItIsRefused() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withGroups(List.of("x25519", "secp256r1")))) {
      assertThat(handshakeOffering(gateway, "X25519MLKEM768")).isFalse();
      assertThat(handshakeOffering(gateway, "x25519")).isTrue();
    }
  }

  @Test
  void onlyTheConfiguredCurvesAreUsed() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withGroups(List.of("secp384r1")))) {
      assertThat(openssl(gateway, "X25519")).doesNotContain("Server Temp Key");
      assertThat(openssl(gateway, "X25519:P-384")).contains("Server Temp Key: ECDH, secp384r1");
    }
  }

  @Test
  void theGroupsHoldOnTls12Too() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, withGroups(List.of("secp256r1")))) {
      assertThat(openssl(gateway, "X25519", "-tls1_2")).doesNotContain("Server Temp Key");
      assertThat(openssl(gateway, "P-256", "-tls1_2")).contains("Server Temp Key: ECDH, prime256v1");
    }
  }

  @Test
  void aGroupBoringSslDoesNotKnowIsRefusedBeforeAnyContextIsBuilt() {
    assertThatThrownBy(() -> new KeyExchangeGroups(List.of("x25519", "ffdhe2048"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffdhe2048");
  }

  private static GatewayConfig withGroups(List<String> groups) {
    GatewayConfig base = TestConfigs.forUpstream(upstream.baseUrl());
    ListenerConfig l = base.listener();
    ServerTlsConfig t = l.tls();
    return TestConfigs.withListener(base, new ListenerConfig(l.host(), 0,
        new ServerTlsConfig(t.certificate(), t.key(), t.protocols(), t.cipherSuites(), t.clientAuth(),
            t.handshakeTimeout(), t.engine(), groups),
        l.registrationPath(), l.maxBodyBytes(), l.idleTimeout()));
  }

  /** A BoringSSL client (Netty, as Vert.x runs it) offering only {@code group}: did the handshake complete? */
  private static boolean handshakeOffering(RunningGateway gateway, String group) throws Exception {
    NetClient client = vertx.createNetClient(new NetClientOptions()
        .setSsl(true)
        .setHostnameVerificationAlgorithm("")
        .setConnectTimeout(10_000)
        .setTrustOptions(new PemTrustOptions().addCertPath(SharedDevPki.layout().serverCa().certificate().toString()))
        .setSslEngineOptions(new KeyExchangeGroups(List.of(group), Optional.empty())));
    try {
      NetSocket socket = client.connect(gateway.port(), "127.0.0.1").await(20, TimeUnit.SECONDS);
      socket.close();
      return true;
    } catch (Exception e) {
      if (e instanceof SSLException || e.getCause() instanceof SSLException) {
        return false;
      }
      throw e;
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** {@code openssl s_client} (OpenSSL 3.0, no ML-KEM) offering {@code groups}; its whole output. */
  private static String openssl(RunningGateway gateway, String groups, String... more) throws Exception {
    List<String> options = new ArrayList<>(List.of("-groups", groups));
    options.addAll(List.of(more));
    return OpenSslClient.sClient(gateway.port(), options.toArray(String[]::new));
  }
}
