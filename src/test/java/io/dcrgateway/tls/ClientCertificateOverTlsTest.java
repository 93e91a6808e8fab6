package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TLS stage over real mutual TLS: a request whose client certificate is missing or fails
 * PKIX validation gets 401 invalid_client with a description of what failed, never 403 (SPEC
 * BR-01), and never reaches the identity server.
 */
@ExtendWith(VertxExtension.class)
class ClientCertificateOverTlsTest {

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

  @BeforeEach
  void clear() {
    upstream.clear();
  }

  @Test
  void forwardsARegistrationFromAValidOpenFinanceCertificate() throws Exception {
    HttpResponse<Buffer> response = post(TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(upstream.received()).hasSize(1);
  }

  static Stream<Arguments> unacceptableCertificates() {
    return Stream.of(
        Arguments.of(Optional.empty(), "tls.client-cert.missing", "no client certificate"),
        Arguments.of(Optional.of(DevPkiLayout.EXPIRED), "tls.client-cert.expired", "expired"),
        Arguments.of(Optional.of(DevPkiLayout.FORGED), "tls.client-cert.bad-signature",
            "not issued by a trusted authority"),
        Arguments.of(Optional.of(DevPkiLayout.UNTRUSTED), "tls.client-cert.untrusted-issuer",
            "not a trusted certificate authority"),
        Arguments.of(Optional.of(DevPkiLayout.WEAK_KEY), "tls.client-cert.key-too-weak", "1024 bits"),
        Arguments.of(Optional.of(DevPkiLayout.WRONG_EKU), "tls.client-cert.wrong-key-usage", "clientAuth"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unacceptableCertificates")
  void rejectsWith401InvalidClientAndForwardsNothing(
      Optional<String> certificate, String reason, String description) throws Exception {
    HttpResponse<Buffer> response = post(TppClient.create(vertx, certificate, false));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("error")).isEqualTo("invalid_client");
    assertThat(error.getString("error_description")).contains(description);
    assertThat(error.containsKey("client_id")).isFalse();
    assertThat(upstream.received()).isEmpty();
    gateway.audit().awaitMatching(e -> reason.equals(e.getString("reason")));
  }

  @Test
  void forgedCertificateLooksIdenticalByNameButFailsCryptographically() throws Exception {
    var genuine = PemCertificates.read(
        SharedDevPki.layout().client(DevPkiLayout.OFB_TPP1_A).certificate()).get(0);
    var forged = PemCertificates.read(
        SharedDevPki.layout().client(DevPkiLayout.FORGED).certificate()).get(0);
    assertThat(forged.getSubjectX500Principal()).isEqualTo(genuine.getSubjectX500Principal());
    assertThat(forged.getIssuerX500Principal()).isEqualTo(genuine.getIssuerX500Principal());
    assertThat(forged.getSerialNumber()).isEqualTo(genuine.getSerialNumber());

    assertThat(post(TppClient.create(vertx, DevPkiLayout.FORGED)).statusCode()).isEqualTo(401);
    assertThat(upstream.received()).isEmpty();
  }

  /** Only this test presents TPP1_B to this gateway, so its chain has not been verified before. */
  @Test
  void verifiesAChainOnceNotPerRequestNorPerConnection() throws Exception {
    long before = gateway.server().verifier().verifications();

    for (int connection = 0; connection < 2; connection++) {
      WebClient client = TppClient.create(vertx, DevPkiLayout.OFB_TPP1_B);
      for (int i = 0; i < 3; i++) {
        assertThat(post(client).statusCode()).isEqualTo(201);
      }
      client.close();
    }

    assertThat(gateway.server().verifier().verifications() - before).isEqualTo(1);
    assertThat(upstream.received()).hasSize(6);
  }

  private static HttpResponse<Buffer> post(WebClient client) throws Exception {
    return client.post(gateway.port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"redirect_uris\":[\"https://tpp.example/cb\"]}"))
        .await(20, TimeUnit.SECONDS);
  }
}
