package io.dcrgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TokenIssuer;
import io.dcrgateway.testkit.TokenRoutes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, {@code one-registration-per-token} behind a balancer: two gateway instances share one
 * real Redis, so a token's {@code jti} registers one client whichever instance takes it, and a
 * registration the identity server refused releases the {@code jti} for every instance, as a
 * software statement's is released.
 */
class InitialAccessTokenAcrossInstancesTest {

  private static final String MOBILE = "/register/mobile";
  private static final JsonObject REGISTRATION = new JsonObject()
      .put("redirect_uris", new JsonArray().add("com.example.app:/oauth2redirect"));

  @TempDir
  Path dir;

  private RedisServer redis;
  private GatewayInstances instances;
  private TokenIssuer issuer;
  private RunningGateway first;
  private RunningGateway second;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start(dir);
    instances = GatewayInstances.start();
    issuer = TokenIssuer.start(instances.vertx());
    first = instances.instance(config());
    second = instances.instance(config());
  }

  @AfterEach
  void stop() throws Exception {
    RedisProcess.closeAll(Arrays.asList(issuer, instances, redis));
  }

  @Test
  void aTokenThatRegisteredThroughOneInstanceIsRefusedThroughTheOther() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.jwtID("across-1"));

    HttpResponse<Buffer> atFirst = register(first, token);
    HttpResponse<Buffer> atSecond = register(second, token);

    assertThat(atFirst.statusCode()).as(atFirst.bodyAsString()).isEqualTo(201);
    assertThat(atSecond.statusCode()).isEqualTo(401);
    assertThat(atSecond.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(atSecond.bodyAsJsonObject().getString("error_description"))
        .isEqualTo("this initial access token has registered a client already; get a new token");
    assertThat(atSecond.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    assertThat(instances.upstream().received()).hasSize(1);
    JsonObject refusal = second.audit().awaitMatching(e -> "token.already-used".equals(e.getString("reason")));
    assertThat(refusal.getJsonObject("initial_access_token").getString("jti")).isEqualTo("across-1");
  }

  @Test
  void theSameTokenAtBothInstancesAtOnceRegistersOnce() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.jwtID("across-race"));

    List<Integer> statuses = Future.all(instances.registerWithToken(first, MOBILE, token, REGISTRATION),
            instances.registerWithToken(second, MOBILE, token, REGISTRATION))
        .await(30, TimeUnit.SECONDS).<HttpResponse<Buffer>>list().stream().map(HttpResponse::statusCode).toList();

    assertThat(statuses).containsExactlyInAnyOrder(201, 401);
    assertThat(instances.upstream().received()).hasSize(1);
  }

  /** How the identity server may decline a registration, and what the app is answered. */
  static Stream<Arguments> identityServerRefusals() {
    return Stream.of(
        Arguments.of("refuses the metadata (400)", 400, (Consumer<HttpServerRequest>) request -> request.response()
            .setStatusCode(400).putHeader("Content-Type", "application/json")
            .end("{\"error\":\"invalid_client_metadata\"}")),
        Arguments.of("is unavailable (503)", 503, (Consumer<HttpServerRequest>) request -> request.response()
            .setStatusCode(503).end()));
  }

  @ParameterizedTest(name = "identity server {0}")
  @MethodSource("identityServerRefusals")
  void aTokenWhoseRegistrationTheIdentityServerRefusedRegistersThroughTheOtherInstance(String refusal,
      int answered, Consumer<HttpServerRequest> identityServer) throws Exception {
    String token = issuer.mint("mobile-app", c -> c.jwtID("across-refused-" + answered));
    instances.upstream().respondWith(identityServer);

    HttpResponse<Buffer> refused = register(first, token);
    instances.actAsIdentityServer();
    HttpResponse<Buffer> atSecond = register(second, token);
    HttpResponse<Buffer> againAtFirst = register(first, token);

    assertThat(refused.statusCode()).isEqualTo(answered);
    assertThat(atSecond.statusCode()).as(atSecond.bodyAsString()).isEqualTo(201);
    assertThat(againAtFirst.statusCode()).isEqualTo(401);
    assertThat(againAtFirst.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(instances.upstream().received()).hasSize(2);
  }

  @Test
  void theIdentityServersRefusalIsRelayedEvenWhenRedisCannotBeToldToRelease() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.jwtID("across-release-fails"));
    // Redis goes away while the identity server considers the registration: the claim was made,
    // but its release after the refusal cannot be.
    instances.upstream().respondWith(request -> instances.vertx().executeBlocking(() -> {
      redis.stop();
      return null;
    }).onComplete(stopped -> request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
        .end("{\"error\":\"invalid_redirect_uri\"}")));

    HttpResponse<Buffer> refused = register(first, token);

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("invalid_redirect_uri");
    assertThat(instances.upstream().received()).hasSize(1);
  }

  private HttpResponse<Buffer> register(RunningGateway gateway, String token) throws Exception {
    return instances.registerWithToken(gateway, MOBILE, token, REGISTRATION).await(30, TimeUnit.SECONDS);
  }

  private GatewayConfig config() {
    return instances.config(config -> TokenRoutes.withRoutes(config,
            TokenRoutes.route(MOBILE, false, TokenRoutes.jwt(issuer.url("/jwks")))),
        GatewayInstances.redis(StateConfig.RedisType.STANDALONE, List.of(redis.url()), Optional.empty(), "test:"));
  }
}
