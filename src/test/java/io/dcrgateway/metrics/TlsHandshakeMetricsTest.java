package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.ClientAuthMode;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5: "TLS: handshakes and handshake failures by reason", from {@code GET /metrics} of a real
 * gateway with {@code client-auth: require}, each handshake made by a real client (openssl, the JDK,
 * Vert.x, raw sockets). A refused handshake never reaches the audit trail: these counters are
 * where an operator sees old clients, missing certificates, scanners and stalled connections.
 */
class TlsHandshakeMetricsTest {

  /** Short, so the stalled-client case is quick; only that client ever connects to it. */
  private static final Duration SHORT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);

  private static GatewayFixture fixture;
  private static RunningGateway impatient;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(c -> withTls(c, ClientAuthMode.REQUIRE, c.listener().tls().handshakeTimeout()));
    impatient = RunningGateway.start(fixture.vertx(),
        withTls(TestConfigs.forUpstream(fixture.upstream().baseUrl()), ClientAuthMode.REQUIRE, SHORT_HANDSHAKE_TIMEOUT));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      impatient.close();
    } finally {
      fixture.close();
    }
  }

  @Test
  void aTppPresentingItsCertificateCountsOneSuccessfulHandshake() throws Exception {
    HandshakeCounts before = HandshakeCounts.of(fixture.gateway());
    WebClient tpp = TppClient.create(fixture.vertx(), Optional.of(DevPkiLayout.OFB_TPP1_A), false);
    try {
      HttpResponse<Buffer> response = tpp.post(fixture.gateway().port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}")).await(20, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(201);
    } finally {
      tpp.close();
    }

    HandshakeCounts after = HandshakeCounts.of(fixture.gateway());
    assertThat(after.handshakes("ok") - before.handshakes("ok")).isEqualTo(1.0);
    assertThat(after.handshakes("failed") - before.handshakes("failed")).isEqualTo(0.0);
  }

  interface Client {
    void connect(int port) throws Exception;
  }

  static Stream<Arguments> failedHandshakes() {
    return Stream.of(
        failure("TLS 1.1 (RFC 8996, FAPI 1 Advanced 8.5)",
            port -> assertThat(HandshakeClients.openssl(port, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"))
                .contains("alert protocol version"), "protocol_version"),
        failure("TLS 1.2 offering only static RSA key exchange",
            port -> assertThat(HandshakeClients.openssl(port, "-tls1_2", "-cipher", "AES128-GCM-SHA256"))
                .contains("alert handshake failure"), "no_cipher_suite"),
        failure("no client certificate under client-auth: require",
            TlsHandshakeMetricsTest::withoutCertificate, "certificate_required"),
        failure("a certificate whose private key the client does not hold",
            HandshakeClients::certificateWithoutItsKey, "bad_certificate"),
        failure("a client that does not trust the gateway's certificate",
            HandshakeClients::notTrustingTheServer, "client_alert"),
        failure("plain HTTP on the TLS port", HandshakeClients::plainHttp, "not_tls"),
        failure("a TCP connection closed before any handshake (load balancer health check)",
            HandshakeClients::connectAndClose, "closed"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("failedHandshakes")
  void countsEachFailedHandshakeUnderItsReason(String what, Client client, String reason) throws Exception {
    HandshakeCounts before = HandshakeCounts.of(fixture.gateway());

    client.connect(fixture.gateway().port());

    HandshakeCounts after = HandshakeCounts.afterOneMoreHandshake(fixture.gateway(), before);
    assertThat(after.failures(reason) - before.failures(reason)).as(after.toString()).isEqualTo(1.0);
    assertThat(after.handshakes("failed") - before.handshakes("failed")).isEqualTo(1.0);
    assertThat(after.handshakes("ok") - before.handshakes("ok")).isEqualTo(0.0);
  }

  @Test
  void aClientThatNeverCompletesTheHandshakeIsCutOffAtTheHandshakeTimeoutAndCounted() throws Exception {
    HandshakeCounts before = HandshakeCounts.of(impatient);

    HandshakeClients.silent(impatient.port());

    HandshakeCounts after = HandshakeCounts.afterOneMoreHandshake(impatient, before);
    assertThat(after.failures("timeout") - before.failures("timeout")).as(after.toString()).isEqualTo(1.0);
  }

  @Test
  void everyReasonIsExportedFromZero() throws Exception {
    HandshakeCounts counts = HandshakeCounts.of(impatient);
    for (String reason : new String[] {"protocol_version", "no_cipher_suite", "certificate_required",
        "bad_certificate", "client_alert", "timeout", "not_tls", "closed", "other"}) {
      assertThat(counts.scrape().value("dcr_gateway_tls_handshake_failures_total", Map.of("reason", reason)))
          .as(reason).isPresent();
    }
  }

  private static void withoutCertificate(int port) {
    WebClient anonymous = TppClient.create(fixture.vertx(), Optional.empty(), false);
    try {
      var attempt = anonymous.post(port, "127.0.0.1", "/register").sendBuffer(Buffer.buffer("{}"));
      assertThatThrownBy(() -> attempt.await(20, TimeUnit.SECONDS)).as("the handshake was aborted").isNotNull();
    } finally {
      anonymous.close();
    }
  }

  private static Arguments failure(String what, Client client, String reason) {
    return Arguments.of(what, client, reason);
  }

  private static GatewayConfig withTls(GatewayConfig c, ClientAuthMode clientAuth, Duration handshakeTimeout) {
    ListenerConfig l = c.listener();
    ListenerConfig.ServerTlsConfig t = l.tls();
    return TestConfigs.withListener(c, new ListenerConfig(l.host(), l.port(),
        new ListenerConfig.ServerTlsConfig(t.certificate(), t.key(), t.protocols(), t.cipherSuites(), clientAuth,
            handshakeTimeout, t.engine()),
        l.registrationPath(), l.maxBodyBytes(), l.idleTimeout()));
  }
}
