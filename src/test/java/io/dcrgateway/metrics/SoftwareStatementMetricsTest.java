package io.dcrgateway.metrics;

import static io.dcrgateway.testkit.TestConfigs.UPSTREAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.Ps256Keys;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5: "software statements by directory and result", read from {@code GET /metrics} of a real
 * gateway after Open Finance Brasil registrations over real mutual TLS. Counts are compared
 * before and after each registration: every statement is counted exactly once where it failed,
 * and a valid one again only when the replay check refuses it.
 */
class SoftwareStatementMetricsTest {

  private static final String DIRECTORY = "dev-directory";
  private static final String UNKNOWN = "unknown";

  private static GatewayFixture fixture;
  private static DevPkiManifest manifest;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(config -> OfbDirectory.withProfile(config, "open-finance-brasil"));
    fixture.upstream().respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("client_id", "client-" + System.nanoTime())
            .put("registration_client_uri", "http://is.internal" + UPSTREAM_PATH + "/x").encode()));
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  static Stream<Arguments> statements() {
    return Stream.of(
        counted("signed by the directory, fresh", s -> s, 201, DIRECTORY, "valid"),
        counted("signed with a key that is not the directory's", s -> s.signedWith(Ps256Keys.generate()), 400,
            DIRECTORY, "bad_signature"),
        counted("issued 301 s ago (OFB DCR 7.1-3: 5 minutes)", s -> s.issuedAt(Instant.now().minusSeconds(301)), 400,
            DIRECTORY, "too_old"),
        counted("no kid", SoftwareStatementMinter::withoutKeyId, 400, DIRECTORY, "invalid"),
        counted("issued by a directory not configured", s -> s.issuer("Some Other Directory"), 400,
            UNKNOWN, "unapproved"),
        counted("unsigned (alg none)", SoftwareStatementMinter::unsecured, 400, UNKNOWN, "invalid"));
  }

  @ParameterizedTest(name = "{0}: {3} {4}")
  @MethodSource("statements")
  void countsEachStatementByDirectoryAndResult(String what, UnaryOperator<SoftwareStatementMinter> change,
      int status, String directory, String result) throws Exception {
    PrometheusScrape before = scrape();

    HttpResponse<Buffer> response = register(change.apply(ssa()).mint());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    PrometheusScrape after = scrape();
    assertThat(added(before, after, directory, result)).isEqualTo(1.0);
    assertThat(allAdded(before, after)).as("counted once").isEqualTo(1.0);
  }

  @Test
  void aReplayedStatementIsCountedValidAndThenReplayed() throws Exception {
    String statement = ssa().mint();
    assertThat(register(statement).statusCode()).isEqualTo(201);
    PrometheusScrape before = scrape();

    HttpResponse<Buffer> replayed = register(statement);

    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.bodyAsJsonObject().getString("error")).isEqualTo("invalid_software_statement");
    PrometheusScrape after = scrape();
    assertThat(added(before, after, DIRECTORY, "valid")).isEqualTo(1.0);
    assertThat(added(before, after, DIRECTORY, "replayed")).isEqualTo(1.0);
  }

  @Test
  void everyResultOfAConfiguredDirectoryIsExportedFromZero() throws Exception {
    PrometheusScrape scrape = scrape();
    for (String result : new String[] {"valid", "invalid", "bad_signature", "too_old", "unapproved", "replayed",
        "unavailable", "error"}) {
      assertThat(scrape.value("dcr_gateway_software_statements_total", Map.of("directory", DIRECTORY,
          "result", result))).as(result).isPresent();
    }
  }

  private static double added(PrometheusScrape before, PrometheusScrape after, String directory, String result) {
    Map<String, String> labels = Map.of("directory", directory, "result", result);
    return after.value("dcr_gateway_software_statements_total", labels).orElse(0.0)
        - before.value("dcr_gateway_software_statements_total", labels).orElse(0.0);
  }

  private static double allAdded(PrometheusScrape before, PrometheusScrape after) {
    return sum(after) - sum(before);
  }

  private static double sum(PrometheusScrape scrape) {
    return scrape.named("dcr_gateway_software_statements_total").stream()
        .mapToDouble(PrometheusScrape.Sample::value).sum();
  }

  private static SoftwareStatementMinter ssa() throws Exception {
    return SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A);
  }

  /** What the OFB profile accepts, around the given statement (its claims are the dev client's). */
  private static HttpResponse<Buffer> register(String statement) throws Exception {
    JsonObject claims = new JsonObject(ssa().claims());
    JsonObject body = new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("grant_types", new JsonArray().add("authorization_code").add("client_credentials"))
        .put("response_types", new JsonArray().add("code id_token"))
        .put("id_token_signed_response_alg", "PS256")
        .put("software_statement", statement);
    WebClient client = TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A);
    try {
      return client.post(fixture.gateway().port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(body.toBuffer())
          .await(20, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
  }

  private static PrometheusScrape scrape() throws Exception {
    WebClient admin = WebClient.create(fixture.vertx());
    try {
      return PrometheusScrape.parse(admin.get(fixture.gateway().adminPort(), "127.0.0.1", "/metrics")
          .send().await(20, TimeUnit.SECONDS).bodyAsString());
    } finally {
      admin.close();
    }
  }

  private static Arguments counted(String what, UnaryOperator<SoftwareStatementMinter> change, int status,
      String directory, String result) {
    return Arguments.of(what, change, status, directory, result);
  }
}
