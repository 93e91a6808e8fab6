package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.DirectoryConfig.DirectoryKeys;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, directory JWKS down: the keys fetched last keep verifying statements up to
 * {@code max-staleness}; past it registrations fail closed with 503 JSON and readiness says why;
 * when the directory answers again both recover by themselves.
 */
class DirectoryKeysOutageTest {

  private static final Duration MAX_STALENESS = Duration.ofSeconds(4);

  private Vertx vertx;
  private HttpServer directory;
  private final AtomicBoolean directoryUp = new AtomicBoolean(true);
  private GatewayFixture fixture;
  private DevPkiManifest manifest;

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    byte[] jwks = Files.readAllBytes(SharedDevPki.layout().directoryJwks());
    directory = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(r -> {
          if (directoryUp.get()) {
            r.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(jwks));
          } else {
            r.response().setStatusCode(503).end();
          }
        });
    directory.listen().await(10, TimeUnit.SECONDS);
    DirectoryConfig dev = OfbDirectory.devDirectory();
    DirectoryConfig byUrl = new DirectoryConfig(dev.name(), dev.issuer(), new DirectoryKeys(
        Optional.of(URI.create("http://127.0.0.1:" + directory.actualPort() + "/jwks")), Optional.empty(),
        Duration.ofMillis(200), MAX_STALENESS, Duration.ofMillis(100), Duration.ofSeconds(2)),
        dev.algorithms(), dev.maxAge(), dev.clockSkew(), dev.rejectReplay(), dev.claims());
    fixture = GatewayFixture.start(config -> TestConfigs.withRegistration(config, new RegistrationConfig(
        "open-finance-brasil", Optional.empty(), RegistrationConfig.SignedRequestForwarding.ORIGINAL,
        Optional.empty(), List.of(byUrl), List.of())));
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    directory.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void cachedKeysServeUntilMaxStalenessThenRegistrationsFailClosedAndReadinessSaysWhy() throws Exception {
    assertThat(register().statusCode()).isEqualTo(201);
    assertThat(ready().statusCode()).isEqualTo(200);

    directoryUp.set(false);
    // Keys fetched at most a refresh interval ago: well within max-staleness.
    assertThat(register().statusCode()).isEqualTo(201);

    until("the directory's keys are older than max-staleness", () -> ready().statusCode() == 503);
    HttpResponse<Buffer> notReady = ready();
    assertThat(notReady.bodyAsJsonObject().getJsonObject("problems").getString("directory-keys.dev-directory"))
        .contains("older than max-staleness").contains("HTTP 503");
    HttpResponse<Buffer> refused = register();
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    assertThat(fixture.upstream().received()).hasSize(2);

    directoryUp.set(true);
    until("the keys are fetched again", () -> ready().statusCode() == 200);
    assertThat(register().statusCode()).isEqualTo(201);
    assertThat(fixture.upstream().received()).hasSize(3);
  }

  private HttpResponse<Buffer> register() throws Exception {
    SoftwareStatementMinter ssa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A);
    JsonObject claims = new JsonObject(ssa.claims());
    JsonObject body = new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("grant_types", new JsonArray(List.of("refresh_token", "authorization_code", "client_credentials")))
        .put("response_types", new JsonArray(List.of("code id_token")))
        .put("id_token_signed_response_alg", "PS256")
        .put("software_statement", ssa.mint());
    return TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body.toBuffer())
        .await(20, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> ready() {
    try {
      return WebClient.create(vertx).get(fixture.gateway().adminPort(), "127.0.0.1", "/health/ready")
          .send().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void until(String what, Check condition) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.holds()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
