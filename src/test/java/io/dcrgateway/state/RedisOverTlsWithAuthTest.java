package io.dcrgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.Pem;
import io.dcrgateway.pipeline.OneRegistrationPerSoftwareTest;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8: Redis over TLS (rediss://, the server certificate checked) with AUTH. */
class RedisOverTlsWithAuthTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir
  Path dir;

  private Vertx vertx;
  private RedisServer redis;
  private RecordingUpstream upstream;

  @BeforeEach
  void start() throws Exception {
    DevPkiLayout pki = SharedDevPki.layout();
    IssuedCertificate ca = new IssuedCertificate(
        Pem.readCertificates(Files.readString(pki.serverCa().certificate())).get(0),
        Pem.readPrivateKey(Files.readString(pki.serverCa().privateKey())), List.of());
    Instant now = Instant.now();
    IssuedCertificate server = CertificateIssuer.forSubject("CN=redis.test,O=dcr-gateway test,C=BR")
        .serverAuth().dnsNames("localhost").ipAddresses("127.0.0.1")
        .validity(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))).signedBy(ca);
    Path certificate = Files.writeString(dir.resolve("redis.pem"), Pem.certificates(server.chain()));
    Path key = Files.writeString(dir.resolve("redis.key"), Pem.privateKey(server.privateKey()));
    vertx = TestVertx.create();
    redis = RedisServer.startTls(dir, certificate, key, PASSWORD);
    upstream = RecordingUpstream.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    upstream.close();
    redis.close();
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void replayIsSharedOverTlsWithThePassword() throws Exception {
    try (RunningGateway first = RunningGateway.start(vertx, config(PASSWORD));
        RunningGateway second = RunningGateway.start(vertx, config(PASSWORD))) {
      JsonObject registration = registration();

      HttpResponse<Buffer> atFirst = post(first, registration);
      HttpResponse<Buffer> atSecond = post(second, registration);

      assertThat(atFirst.statusCode()).as(atFirst.bodyAsString()).isEqualTo(201);
      assertThat(atSecond.statusCode()).isEqualTo(400);
      assertThat(atSecond.bodyAsJsonObject().getString("error_description")).contains("already used");
    }
  }

  @Test
  void aWrongPasswordMeans503AndNothingForwarded() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(vertx, config("not the password"))) {
      HttpResponse<Buffer> refused = post(gateway, registration());

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
      assertThat(upstream.received()).isEmpty();
    }
  }

  private GatewayConfig config(String password) {
    GatewayConfig base = OneRegistrationPerSoftwareTest.enforcing(TestConfigs.forUpstream(upstream.baseUrl()));
    return TestConfigs.withState(base, new StateConfig(StateConfig.Store.REDIS, Optional.of(new StateConfig.Redis(
        StateConfig.RedisType.STANDALONE, List.of(URI.create(redis.url())), Optional.empty(), Optional.empty(),
        Optional.of(password), "tls-test:", Duration.ofSeconds(2),
        Optional.of(SharedDevPki.layout().serverCa().certificate())))));
  }

  private static JsonObject registration() throws Exception {
    return GatewayInstances.newRegistration(DevPkiLayout.OFB_TPP1_A);
  }

  private HttpResponse<Buffer> post(RunningGateway gateway, JsonObject body) throws Exception {
    return TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A).request(HttpMethod.POST, gateway.port(), "127.0.0.1",
        "/register").putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()).await(30, TimeUnit.SECONDS);
  }
}
