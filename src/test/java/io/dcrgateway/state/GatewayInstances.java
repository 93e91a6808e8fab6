package io.dcrgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.pipeline.OneRegistrationPerSoftwareTest;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Gateway instances as they run behind one balancer: each a gateway of its own in this JVM, all
 * sharing one Redis and one identity server stand-in that issues {@code client-1},
 * {@code client-2}... And the calls TPPs and the balancer's readiness probe make to them.
 */
final class GatewayInstances implements AutoCloseable {

  private final Vertx vertx;
  private final RecordingUpstream upstream;
  private final List<RunningGateway> started = new ArrayList<>();
  private final AtomicInteger clients = new AtomicInteger();

  private GatewayInstances(Vertx vertx, RecordingUpstream upstream) {
    this.vertx = vertx;
    this.upstream = upstream;
  }

  static GatewayInstances start() throws Exception {
    Vertx vertx = TestVertx.create();
    GatewayInstances instances = new GatewayInstances(vertx, RecordingUpstream.start(vertx));
    instances.actAsIdentityServer();
    return instances;
  }

  /** The upstream registers (again): {@code client-1}, {@code client-2}... after a test made it refuse. */
  void actAsIdentityServer() {
    upstream.respondWith(request -> {
      switch (request.method().name()) {
        case "POST" -> request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("client_id", "client-" + clients.incrementAndGet()).encode());
        case "DELETE" -> request.response().setStatusCode(204).end();
        default -> request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("client_id", "client-1").encode());
      }
    });
  }

  /** Redis as {@code state.redis} would configure it; {@code prefix} keeps tests sharing a Redis apart. */
  static StateConfig.Redis redis(StateConfig.RedisType type, List<String> urls, Optional<String> masterName,
      String prefix) {
    return new StateConfig.Redis(type, urls.stream().map(URI::create).toList(), masterName, Optional.empty(),
        Optional.empty(), prefix, Duration.ofSeconds(2), Optional.empty());
  }

  /** The Open Finance Brasil profile with SPEC BR-18 on: its claims are shared state too. */
  GatewayConfig config(StateConfig.Redis redis) {
    return sharing(OneRegistrationPerSoftwareTest.enforcing(TestConfigs.forUpstream(upstream.baseUrl())), redis);
  }

  /** The test config for this upstream, changed by {@code adjust}, its state in {@code redis}. */
  GatewayConfig config(UnaryOperator<GatewayConfig> adjust, StateConfig.Redis redis) {
    return sharing(adjust.apply(TestConfigs.forUpstream(upstream.baseUrl())), redis);
  }

  private static GatewayConfig sharing(GatewayConfig config, StateConfig.Redis redis) {
    return TestConfigs.withState(config, new StateConfig(StateConfig.Store.REDIS, Optional.of(redis)));
  }

  /** Burst 2, then one request per hour per certificate. */
  static GatewayConfig rateLimited(GatewayConfig config) {
    ListenerConfig l = config.listener();
    return TestConfigs.withListener(config, new ListenerConfig(l.host(), l.port(), l.tls(), l.registrationPath(),
        l.maxBodyBytes(), l.idleTimeout(), new ListenerConfig.Limits(l.limits().maxHeaderBytes(),
            l.limits().maxInitialLineLength(), l.limits().maxConnections(), l.limits().requestTimeout(),
            new ListenerConfig.RateLimit(true, 1, Duration.ofHours(1), 2))));
  }

  /** Started now, stopped with the others. */
  RunningGateway instance(GatewayConfig config) throws Exception {
    RunningGateway gateway = RunningGateway.start(vertx, config);
    started.add(gateway);
    return gateway;
  }

  Vertx vertx() {
    return vertx;
  }

  RecordingUpstream upstream() {
    return upstream;
  }

  /** A fresh statement for {@code client}'s software, in the suite's happy-path registration. */
  static JsonObject newRegistration(String client) throws Exception {
    return registration(SoftwareStatementMinter.forClient(DevPkiManifest.read(SharedDevPki.layout().root()), client)
        .mint());
  }

  /** The suite's happy path (BR-24), built from the statement's own values. */
  static JsonObject registration(String statement) {
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(statement.split("\\.")[1]),
        StandardCharsets.UTF_8));
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("grant_types", new JsonArray(List.of("refresh_token", "authorization_code", "client_credentials")))
        .put("response_types", new JsonArray(List.of("code id_token")))
        .put("id_token_signed_response_alg", "PS256")
        .put("software_statement", statement);
  }

  HttpResponse<Buffer> register(RunningGateway gateway, String client, JsonObject body) throws Exception {
    return TppClient.create(vertx, client).request(HttpMethod.POST, gateway.port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()).await(30, TimeUnit.SECONDS);
  }

  /**
   * A fresh statement registered at {@code first}, then sent again to {@code second}: the shared
   * replay store must refuse it there, and the identity server must have seen it once.
   */
  void assertReplayRefusedAcross(RunningGateway first, RunningGateway second) throws Exception {
    JsonObject registration = newRegistration(DevPkiLayout.OFB_TPP1_A);

    HttpResponse<Buffer> atFirst = register(first, DevPkiLayout.OFB_TPP1_A, registration);
    HttpResponse<Buffer> atSecond = register(second, DevPkiLayout.OFB_TPP1_A, registration);

    assertThat(atFirst.statusCode()).as(atFirst.bodyAsString()).isEqualTo(201);
    assertThat(atSecond.statusCode()).as(atSecond.bodyAsString()).isEqualTo(400);
    assertThat(atSecond.bodyAsJsonObject().getString("error")).isEqualTo("invalid_software_statement");
    assertThat(atSecond.bodyAsJsonObject().getString("error_description")).contains("already used");
    assertThat(upstream.received()).hasSize(1);
  }

  /**
   * Two rate-limited instances (burst 2, then one per hour): the third request of one certificate
   * is over its budget whichever instance takes it; another certificate has a budget of its own.
   */
  void assertOneRateBudgetAcross(RunningGateway first, RunningGateway second) throws Exception {
    int one = send(first, DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/nobody").statusCode();
    int two = send(second, DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/nobody").statusCode();
    HttpResponse<Buffer> three = send(first, DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/nobody");
    int otherCertificate = send(second, DevPkiLayout.OFB_TPP2, HttpMethod.GET, "/register/nobody").statusCode();

    assertThat(one).isEqualTo(401);
    assertThat(two).isEqualTo(401);
    assertThat(three.statusCode()).isEqualTo(429);
    assertThat(three.bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
    assertThat(three.getHeader("Retry-After")).isNotBlank();
    assertThat(otherCertificate).isEqualTo(401);
  }

  /** A registration as a mobile app or partner sends it on a token route: no certificate, a bearer token. */
  Future<HttpResponse<Buffer>> registerWithToken(RunningGateway gateway, String path, String token, JsonObject body) {
    return TppClient.create(vertx, Optional.empty(), false).request(HttpMethod.POST, gateway.port(), "127.0.0.1", path)
        .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token)
        .sendBuffer(body.toBuffer());
  }

  HttpResponse<Buffer> send(RunningGateway gateway, String client, HttpMethod method, String path) throws Exception {
    return TppClient.create(vertx, client).request(method, gateway.port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer rat").send().await(30, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> readiness(RunningGateway gateway) throws Exception {
    return WebClient.create(vertx).get(gateway.adminPort(), "127.0.0.1", "/health/ready").send()
        .await(10, TimeUnit.SECONDS);
  }

  /** Readiness is refreshed by a PING every 2 s: polled, up to a minute on a busy machine. */
  void awaitReadiness(RunningGateway gateway, int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int seen;
    do {
      seen = readiness(gateway).statusCode();
      if (seen != status) {
        Thread.sleep(50);
      }
    } while (seen != status && System.nanoTime() < deadline);
    assertThat(seen).as("readiness of the instance on %d", gateway.port()).isEqualTo(status);
  }

  String scrape(RunningGateway gateway) throws Exception {
    return WebClient.create(vertx).get(gateway.adminPort(), "127.0.0.1", "/metrics").send()
        .await(10, TimeUnit.SECONDS).bodyAsString();
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> all = new ArrayList<>(started);
    all.add(upstream);
    try {
      RedisProcess.closeAll(all);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
