package io.dcrgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: two gateway instances behind one balancer share replay and ownership through a real
 * Redis. A statement used at one is refused at the other; a client registered at one is managed
 * at the other, by its own software only; Redis down means 503 and not ready, and both come back
 * with Redis.
 */
class SharedStateAcrossInstancesTest {

  @TempDir
  Path dir;

  private Vertx vertx;
  private RedisServer redis;
  private RecordingUpstream upstream;
  private RunningGateway first;
  private RunningGateway second;
  private final AtomicInteger clients = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    redis = RedisServer.start(dir);
    upstream = RecordingUpstream.start(vertx);
    upstream.respondWith(request -> request.response().setStatusCode(request.method().name().equals("POST") ? 201 : 200)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("client_id", request.method().name().equals("POST")
            ? "client-" + clients.incrementAndGet() : "client-1").encode()));
    first = RunningGateway.start(vertx, config());
    second = RunningGateway.start(vertx, config());
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, upstream, redis}) {
      if (closeable != null) {
        closeable.close();
      }
    }
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void aStatementRegisteredAtOneInstanceIsRefusedAsAReplayAtTheOther() throws Exception {
    JsonObject registration = registration(ssa(DevPkiLayout.OFB_TPP1_A).mint());

    HttpResponse<Buffer> atFirst = post(first, DevPkiLayout.OFB_TPP1_A, registration);
    HttpResponse<Buffer> atSecond = post(second, DevPkiLayout.OFB_TPP1_A, registration);

    assertThat(atFirst.statusCode()).as(atFirst.bodyAsString()).isEqualTo(201);
    assertThat(atSecond.statusCode()).isEqualTo(400);
    assertThat(atSecond.bodyAsJsonObject().getString("error")).isEqualTo("invalid_software_statement");
    assertThat(atSecond.bodyAsJsonObject().getString("error_description")).contains("already used");
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  void aClientRegisteredAtOneInstanceIsManagedAtTheOtherByItsOwnSoftwareOnly() throws Exception {
    HttpResponse<Buffer> registered = post(first, DevPkiLayout.OFB_TPP1_A, registration(ssa(DevPkiLayout.OFB_TPP1_A).mint()));
    String clientId = registered.bodyAsJsonObject().getString("client_id");

    HttpResponse<Buffer> byOwner = send(second, DevPkiLayout.OFB_TPP1_B, HttpMethod.GET, "/register/" + clientId);
    HttpResponse<Buffer> byOtherOrganisation = send(second, DevPkiLayout.OFB_TPP2, HttpMethod.GET, "/register/" + clientId);

    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(byOwner.statusCode()).as(byOwner.bodyAsString()).isEqualTo(200);
    assertThat(byOtherOrganisation.statusCode()).isEqualTo(401);
    assertThat(byOtherOrganisation.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
  }

  @Test
  void aSoftwareRegisteredAtOneInstanceIsRefusedASecondRegistrationAtTheOther() throws Exception {
    HttpResponse<Buffer> atFirst = post(first, DevPkiLayout.OFB_TPP1_A, registration(ssa(DevPkiLayout.OFB_TPP1_A).mint()));
    HttpResponse<Buffer> atSecond = post(second, DevPkiLayout.OFB_TPP1_B, registration(ssa(DevPkiLayout.OFB_TPP1_B).mint()));

    assertThat(atFirst.statusCode()).isEqualTo(201);
    assertThat(atSecond.statusCode()).isEqualTo(400);
    assertThat(atSecond.bodyAsJsonObject().getString("error_description")).contains("already has client client-1");
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  void aCertificatesRateLimitIsOneBudgetAcrossInstances() throws Exception {
    try (RunningGateway limitedFirst = RunningGateway.start(vertx, rateLimited(config()));
        RunningGateway limitedSecond = RunningGateway.start(vertx, rateLimited(config()))) {
      // Burst 2, then one per hour: the third request is over, whichever instance takes it.
      int one = send(limitedFirst, DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/nobody").statusCode();
      int two = send(limitedSecond, DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/nobody").statusCode();
      HttpResponse<Buffer> three = send(limitedFirst, DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/nobody");
      int otherCertificate = send(limitedSecond, DevPkiLayout.OFB_TPP2, HttpMethod.GET, "/register/nobody").statusCode();

      assertThat(one).isEqualTo(401);
      assertThat(two).isEqualTo(401);
      assertThat(three.statusCode()).isEqualTo(429);
      assertThat(three.bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
      assertThat(three.getHeader("Retry-After")).isNotBlank();
      assertThat(otherCertificate).isEqualTo(401);
    }
  }

  @Test
  void redisDownMeans503AndNotReadyAndBothInstancesRecoverWithIt() throws Exception {
    redis.stop();

    HttpResponse<Buffer> whileDown = post(first, DevPkiLayout.OFB_TPP1_A, registration(ssa(DevPkiLayout.OFB_TPP1_A).mint()));

    assertThat(whileDown.statusCode()).isEqualTo(503);
    assertThat(whileDown.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
    assertThat(upstream.received()).isEmpty();
    awaitReadiness(first, 503);
    awaitReadiness(second, 503);
    assertThat(scrape(first)).contains("dcr_gateway_shared_state_available{store=\"redis\"} 0.0");

    redis.start();
    awaitReadiness(first, 200);
    awaitReadiness(second, 200);
    HttpResponse<Buffer> afterRestart = post(second, DevPkiLayout.OFB_TPP1_A,
        registration(ssa(DevPkiLayout.OFB_TPP1_A).mint()));

    assertThat(afterRestart.statusCode()).as(afterRestart.bodyAsString()).isEqualTo(201);
    assertThat(scrape(second)).contains("dcr_gateway_shared_state_available{store=\"redis\"} 1.0");
  }

  private GatewayConfig config() {
    // SPEC BR-18 on: its claims are shared state too.
    GatewayConfig base = io.dcrgateway.pipeline.OneRegistrationPerSoftwareTest.enforcing(
        TestConfigs.forUpstream(upstream.baseUrl()));
    return TestConfigs.withState(base, new StateConfig(StateConfig.Store.REDIS, Optional.of(new StateConfig.Redis(
        StateConfig.RedisType.STANDALONE, List.of(URI.create(redis.url())), Optional.empty(), Optional.empty(),
        Optional.empty(), "test:", Duration.ofSeconds(2), Optional.empty()))));
  }

  private static GatewayConfig rateLimited(GatewayConfig config) {
    ListenerConfig l = config.listener();
    return TestConfigs.withListener(config, new ListenerConfig(l.host(), l.port(), l.tls(), l.registrationPath(),
        l.maxBodyBytes(), l.idleTimeout(), new ListenerConfig.Limits(l.limits().maxHeaderBytes(),
            l.limits().maxInitialLineLength(), l.limits().maxConnections(), l.limits().requestTimeout(),
            new ListenerConfig.RateLimit(true, 1, Duration.ofHours(1), 2))));
  }

  private static SoftwareStatementMinter ssa(String client) throws Exception {
    return SoftwareStatementMinter.forClient(DevPkiManifest.read(SharedDevPki.layout().root()), client);
  }

  /** The suite's happy path (BR-24), built from the statement's own values. */
  static JsonObject registration(String statement) throws Exception {
    var claims = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(statement.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8));
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("grant_types", new JsonArray(List.of("refresh_token", "authorization_code", "client_credentials")))
        .put("response_types", new JsonArray(List.of("code id_token")))
        .put("id_token_signed_response_alg", "PS256")
        .put("software_statement", statement);
  }

  private HttpResponse<Buffer> post(RunningGateway gateway, String client, JsonObject body) throws Exception {
    return TppClient.create(vertx, client).request(HttpMethod.POST, gateway.port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()).await(30, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> send(RunningGateway gateway, String client, HttpMethod method, String path)
      throws Exception {
    return TppClient.create(vertx, client).request(method, gateway.port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer rat").send().await(30, TimeUnit.SECONDS);
  }

  private void awaitReadiness(RunningGateway gateway, int status) throws Exception {
    WebClient admin = WebClient.create(vertx);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int seen;
    do {
      seen = admin.get(gateway.adminPort(), "127.0.0.1", "/health/ready").send().await(10, TimeUnit.SECONDS)
          .statusCode();
      if (seen != status) {
        Thread.sleep(50);
      }
    } while (seen != status && System.nanoTime() < deadline);
    assertThat(seen).as("readiness of the instance on %d", gateway.port()).isEqualTo(status);
  }

  private String scrape(RunningGateway gateway) throws Exception {
    return WebClient.create(vertx).get(gateway.adminPort(), "127.0.0.1", "/metrics").send()
        .await(10, TimeUnit.SECONDS).bodyAsString();
  }
}
