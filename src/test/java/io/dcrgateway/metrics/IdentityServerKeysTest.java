package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TokenIssuer;
import io.dcrgateway.testkit.TokenRoutes;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the identity server's JWKS that JWT initial access tokens are verified with is watched
 * like a directory's. One gateway, three routes: {@code /register/mobile} whose identity server
 * publishes its keys, {@code /register/down} whose JWKS endpoint answers 503 from the start, and
 * {@code /register/partner} validating by introspection (no JWKS at all). The gateway starts
 * anyway (a key fetch failing is not fatal), is not ready and says which route's keys are
 * missing, and publishes {@code dcr_gateway_token_jwks_*{route}} beside the directories' series.
 */
class IdentityServerKeysTest {

  private static final String MOBILE = "/register/mobile";
  private static final String DOWN = "/register/down";
  private static final String PARTNER = "/register/partner";

  private static Vertx issuerVertx;
  private static TokenIssuer issuer;
  private static HttpServer brokenJwks;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    issuerVertx = TestVertx.create();
    issuer = TokenIssuer.start(issuerVertx);
    brokenJwks = issuerVertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(503).end());
    brokenJwks.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    fixture = GatewayFixture.start(config -> TokenRoutes.withRoutes(config,
        TokenRoutes.route(MOBILE, false, TokenRoutes.jwt(issuer.url("/jwks"))),
        TokenRoutes.route(DOWN, false, TokenRoutes.jwt("http://127.0.0.1:" + brokenJwks.actualPort() + "/jwks")),
        TokenRoutes.route(PARTNER, false, TokenRoutes.introspection(issuer))));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
    issuer.close();
    brokenJwks.close().await(10, TimeUnit.SECONDS);
    issuerVertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  @Test
  void notReadyWhileARoutesIdentityServerKeysWereNeverFetchedAndReadinessNamesTheRoute() throws Exception {
    HttpResponse<Buffer> ready = admin("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonObject problems = ready.bodyAsJsonObject().getJsonObject("problems");
    assertThat(problems.fieldNames()).containsExactly("token-keys." + DOWN);
    assertThat(problems.getString("token-keys." + DOWN))
        .isEqualTo("keys from http://127.0.0.1:" + brokenJwks.actualPort() + "/jwks were never fetched;"
            + " last failure: HTTP 503");
  }

  @Test
  void aTokenOfTheRouteWithoutKeysIsTemporarilyUnavailableAndNothingIsForwarded() throws Exception {
    HttpResponse<Buffer> response = register(DOWN, issuer.mint("mobile-app", c -> c));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
    assertThat(response.getHeader("Retry-After")).isNotBlank();
    assertThat(fixture.upstream().received()).isEmpty();
    JsonObject event = fixture.gateway().audit()
        .awaitMatching(e -> "token.keys-unavailable".equals(e.getString("reason")));
    assertThat(event.getString("path")).isEqualTo(DOWN);
    assertThat(event.getString("outcome")).isEqualTo("rejected");
  }

  @Test
  void theRouteWithKeysStillRegisters() throws Exception {
    assertThat(register(MOBILE, issuer.mint("mobile-app", c -> c)).statusCode()).isEqualTo(201);
    assertThat(fixture.upstream().received()).hasSize(1);
  }

  @Test
  void publishesKeysAgeAndFetchesOfEachJwtRoutesIdentityServerKeys() throws Exception {
    PrometheusScrape scrape = scrape();

    Map<String, String> mobile = Map.of("route", MOBILE);
    assertThat(scrape.value("dcr_gateway_token_jwks_keys", mobile)).contains(1.0);
    assertThat(scrape.value("dcr_gateway_token_jwks_available", mobile)).contains(1.0);
    assertThat(scrape.value("dcr_gateway_token_jwks_fetch_failures_total", mobile)).contains(0.0);
    assertThat(scrape.value("dcr_gateway_token_jwks_age_seconds", mobile).orElseThrow()).isNotNegative();
    assertThat(scrape.value("dcr_gateway_token_jwks_fetches_total", mobile).orElseThrow()).isGreaterThanOrEqualTo(1.0);

    Map<String, String> down = Map.of("route", DOWN);
    assertThat(scrape.value("dcr_gateway_token_jwks_keys", down)).contains(0.0);
    assertThat(scrape.value("dcr_gateway_token_jwks_available", down)).contains(0.0);
    assertThat(scrape.value("dcr_gateway_token_jwks_age_seconds", down).orElseThrow()).isNaN();
    double failures = scrape.value("dcr_gateway_token_jwks_fetch_failures_total", down).orElseThrow();
    assertThat(failures).isGreaterThanOrEqualTo(1.0);
    // Never fetched: every attempt failed.
    assertThat(scrape.value("dcr_gateway_token_jwks_fetches_total", down)).contains(failures);
  }

  @Test
  void anIntrospectionRouteHasNoKeySetToWatch() throws Exception {
    PrometheusScrape scrape = scrape();

    assertThat(scrape.named("dcr_gateway_token_jwks_available")).extracting(s -> s.labels().get("route"))
        .containsExactlyInAnyOrder(MOBILE, DOWN);
    // The directories' series keep their own name and label.
    assertThat(scrape.named("dcr_gateway_jwks_available")).allSatisfy(
        s -> assertThat(s.labels()).containsOnlyKeys("directory"));
  }

  private static HttpResponse<Buffer> register(String path, String token) throws Exception {
    return TppClient.create(fixture.vertx(), Optional.empty(), false)
        .post(fixture.gateway().port(), "127.0.0.1", path)
        .putHeader("Content-Type", "application/json")
        .putHeader("Authorization", "Bearer " + token)
        .sendBuffer(new JsonObject().put("redirect_uris", new io.vertx.core.json.JsonArray()
            .add("com.example.app:/cb")).toBuffer())
        .await(20, TimeUnit.SECONDS);
  }

  private static PrometheusScrape scrape() throws Exception {
    return PrometheusScrape.parse(admin("/metrics").bodyAsString());
  }

  private static HttpResponse<Buffer> admin(String path) throws Exception {
    return WebClient.create(fixture.vertx()).get(fixture.gateway().adminPort(), "127.0.0.1", path)
        .send().await(10, TimeUnit.SECONDS);
  }
}
