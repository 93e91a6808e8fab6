package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.ClientAuthMode;
import io.dcrgateway.config.ListenerConfig.TlsEngine;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.InputStream;
import java.security.KeyStore;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listener's TLS policy (FAPI 1 Advanced §8.5): TLS 1.2 only with the approved ECDHE GCM
 * suites, or TLS 1.3; anything older or weaker fails the handshake.
 */
class TransportPolicyTest {

  private static GatewayFixture fixture;
  private static Vertx vertx;
  private static RecordingUpstream upstream;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    vertx = fixture.vertx();
    upstream = fixture.upstream();
    gateway = fixture.gateway();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void negotiatesTls13ByDefault() throws Exception {
    try (SSLSocket socket = connect(new String[] {"TLSv1.3", "TLSv1.2"}, null)) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void acceptsTls12WithAnApprovedEcdheGcmSuite() throws Exception {
    try (SSLSocket socket = connect(new String[] {"TLSv1.2"},
        new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})) {
      socket.startHandshake();
      assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }
  }

  /** OpenSSL as the client: the JDK's own client refuses TLS 1.1 before the server is asked. */
  @Test
  void refusesTls11() throws Exception {
    String tls11 = openssl("-brief", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
    assertThat(tls11).contains("alert protocol version");

    String tls12 = openssl("-brief", "-tls1_2");
    assertThat(tls12).contains("TLSv1.2");
  }

  @Test
  void refusesTls12CbcAndNonEcdheSuites() throws Exception {
    for (String suite : new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"}) {
      try (SSLSocket socket = connect(new String[] {"TLSv1.2"}, new String[] {suite})) {
        // The alert proves the server refused; a client-side refusal would not test the gateway.
        assertThatThrownBy(socket::startHandshake).as(suite)
            .isInstanceOf(javax.net.ssl.SSLException.class)
            .hasMessageContaining("Received fatal alert");
      }
    }
    String rsaKeyExchange = openssl("-brief", "-tls1_2", "-cipher", "AES128-GCM-SHA256");
    assertThat(rsaKeyExchange).contains("alert handshake failure");
  }

  /** Client-initiated renegotiation is a CPU amplification vector; TLS 1.3 has none. */
  @Test
  void refusesClientInitiatedRenegotiationOnTls12() throws Exception {
    var client = SharedDevPki.layout().client(DevPkiLayout.OFB_TPP1_A);
    String output = opensslWithInput("R\n", "-tls1_2",
        "-cert", client.certificate().toString(), "-key", client.privateKey().toString(),
        "-CAfile", SharedDevPki.layout().serverCa().certificate().toString());

    // BoringSSL never renegotiates as a server; JSSE refuses by jdk.tls.rejectClientInitiatedRenegotiation.
    // The two alerts differ, which also shows the configured engine is the one running the handshakes.
    assertThat(output).contains("RENEGOTIATING").contains(TestConfigs.TLS_ENGINE == TlsEngine.OPENSSL
        ? "alert no renegotiation" : "alert handshake failure");
  }

  @Test
  void requireModeAbortsTheHandshakeWithoutACertificate() throws Exception {
    var base = TestConfigs.forUpstream(upstream.baseUrl());
    ListenerConfig l = base.listener();
    ListenerConfig.ServerTlsConfig t = l.tls();
    var requireConfig = TestConfigs.withListener(base, new ListenerConfig(l.host(), l.port(),
        new ListenerConfig.ServerTlsConfig(t.certificate(), t.key(), t.protocols(), t.cipherSuites(),
            ClientAuthMode.REQUIRE, t.handshakeTimeout(), t.engine()),
        l.registrationPath(), l.maxBodyBytes(), l.idleTimeout()));
    try (RunningGateway strict = RunningGateway.start(vertx, requireConfig)) {
      var withoutCertificate = TppClient.create(vertx, Optional.empty(), false)
          .post(strict.port(), "127.0.0.1", "/register").sendBuffer(Buffer.buffer("{}"));
      assertThatThrownBy(() -> withoutCertificate.await(20, TimeUnit.SECONDS)).isNotNull();

      var withCertificate = TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A)
          .post(strict.port(), "127.0.0.1", "/register").putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer("{}")).await(20, TimeUnit.SECONDS);
      assertThat(withCertificate.statusCode()).isEqualTo(201);
    }
    assertThat(upstream.received()).hasSize(1);
  }

  private static String openssl(String... options) throws Exception {
    return opensslWithInput(null, options);
  }

  /**
   * Runs {@code openssl s_client} against the gateway. With {@code stdin}, the text is sent after
   * the handshake (s_client reads it then) and stdin stays open until openssl exits, so
   * s_client commands such as {@code R} (renegotiate) run before it sees end of input.
   */
  private static String opensslWithInput(String stdin, String... options) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        "openssl", "s_client", "-connect", "127.0.0.1:" + gateway.port()));
    command.addAll(java.util.List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (stdin == null) {
        process.getOutputStream().close();
      } else {
        process.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        process.getOutputStream().flush();
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
      return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
  }

  private static SSLSocket connect(String[] protocols, String[] suites) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(SharedDevPki.layout().serverCa().certificate())) {
      trust.setCertificateEntry("server-ca",
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", gateway.port());
    socket.setSoTimeout(10_000);
    socket.setEnabledProtocols(protocols);
    if (suites != null) {
      socket.setEnabledCipherSuites(suites);
    }
    return socket;
  }
}
