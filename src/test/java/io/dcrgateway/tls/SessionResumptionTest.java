package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.SharedDevPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6: a TPP that comes back resumes its TLS session (tickets or the session cache) and skips
 * the handshake's signatures; the gateway must neither verify its certificate again nor lose it:
 * the resumed request is admitted on the certificate of the original handshake and forwarded
 * with it. Real {@code openssl s_client} sessions, saved and resumed, against both public event
 * loops (several resumptions in a row land on either).
 */
class SessionResumptionTest {

  private static final String REGISTRATION = "{\"redirect_uris\":[\"https://tpp.example/cb\"]}";

  private static GatewayFixture fixture;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-tls1_3", "-tls1_2"})
  void aResumedSessionIsAdmittedOnItsVerifiedCertificateWithoutVerifyingItAgain(String protocol) throws Exception {
    Path session = dir.resolve("session-0.pem");
    String first = register(protocol, "-sess_out", session.toString());
    assertThat(first).contains("New, TLSv1.").contains("HTTP/1.1 201");
    long verified = fixture.gateway().server().verifier().verifications();

    for (int i = 1; i <= 4; i++) {
      // Like a real client, each connection keeps the newest session it was given (a TLS 1.3
      // ticket may be single-use; a resumed TLS 1.2 session may come without a new one).
      Path next = dir.resolve("session-" + i + ".pem");
      String resumed = register(protocol, "-sess_in", session.toString(), "-sess_out", next.toString());
      assertThat(resumed).as("resumption %d", i).contains("Reused, TLSv1.").contains("HTTP/1.1 201");
      session = Files.exists(next) ? next : session;
    }

    assertThat(fixture.gateway().server().verifier().verifications()).isEqualTo(verified);
    assertThat(fixture.upstream().received()).hasSize(5)
        .allSatisfy(request -> assertThat(request.headers().get("Client-Cert"))
            .isEqualTo(fixture.upstream().received().get(0).headers().get("Client-Cert")).isNotBlank());
  }

  private String register(String protocol, String... sessionOptions) throws Exception {
    DevPkiLayout pki = SharedDevPki.layout();
    var client = pki.client(DevPkiLayout.OFB_TPP1_A);
    List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
        "127.0.0.1:" + fixture.gateway().port(), protocol, "-ign_eof",
        "-cert", client.certificate().toString(), "-key", client.privateKey().toString(),
        "-CAfile", pki.serverCa().certificate().toString()));
    command.addAll(List.of(sessionOptions));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] body = REGISTRATION.getBytes(StandardCharsets.US_ASCII);
      String request = "POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + REGISTRATION;
      process.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      process.getOutputStream().close();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
  }
}
