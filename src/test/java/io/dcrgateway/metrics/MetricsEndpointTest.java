package io.dcrgateway.metrics;

import static io.dcrgateway.testkit.TestConfigs.UPSTREAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TppClient;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the admin listener of a real gateway, after real mTLS traffic: one
 * forwarded Open Finance Brasil registration and three refusals (no certificate, a forged one, a
 * redirect URI outside the statement). Counts are exact: this gateway has its own registry.
 */
class MetricsEndpointTest {

  private static final String PROFILE = "open-finance-brasil";

  private static GatewayFixture fixture;
  private static PrometheusScrape scrape;
  private static HttpResponse<Buffer> scraped;
  private static Instant beforeScrape;
  private static Instant afterScrape;

  @BeforeAll
  static void trafficThenScrape() throws Exception {
    fixture = GatewayFixture.start(config -> OfbDirectory.withProfile(config, PROFILE));
    fixture.upstream().respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("client_id", "client-1")
            .put("registration_client_uri", "http://is.internal" + UPSTREAM_PATH + "/client-1")
            .put("registration_access_token", "rat").encode()));
    DevPkiManifest manifest = DevPkiManifest.read(SharedDevPki.layout().root());
    SoftwareStatementMinter ssa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A);

    assertThat(register(Optional.of(DevPkiLayout.OFB_TPP1_A), registration(ssa)).statusCode()).isEqualTo(201);
    assertThat(register(Optional.empty(), registration(ssa)).statusCode()).isEqualTo(401);
    assertThat(register(Optional.of(DevPkiLayout.FORGED), registration(ssa)).statusCode()).isEqualTo(401);
    assertThat(register(Optional.of(DevPkiLayout.OFB_TPP1_A), registration(ssa)
        .put("redirect_uris", new JsonArray().add("https://evil.example/cb"))).statusCode()).isEqualTo(400);
    assertThat(fixture.upstream().received()).hasSize(1);

    beforeScrape = Instant.now();
    scraped = WebClient.create(fixture.vertx())
        .get(fixture.gateway().adminPort(), "127.0.0.1", "/metrics")
        .send().await(20, TimeUnit.SECONDS);
    afterScrape = Instant.now();
    scrape = PrometheusScrape.parse(scraped.bodyAsString());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void servesPrometheusTextFormat() {
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
  }

  @Test
  void countsEachRequestByOperationProfileOutcomeAndReason() {
    assertThat(requests("forwarded", "none")).isEqualTo(1.0);
    assertThat(requests("rejected", "tls.client-cert.missing")).isEqualTo(1.0);
    assertThat(requests("rejected", "tls.client-cert.bad-signature")).isEqualTo(1.0);
    assertThat(requests("rejected", "rule.redirect-uris.in-software-statement")).isEqualTo(1.0);
    assertThat(scrape.named("dcr_gateway_requests_total")).hasSize(4);
  }

  @Test
  void labelsNeverCarryClientIdsOrSubjects() {
    Set<String> labelNames = new TreeSet<>();
    scrape.samples().stream().filter(s -> s.name().startsWith("dcr_gateway_"))
        .forEach(s -> labelNames.addAll(s.labels().keySet()));
    assertThat(labelNames).isSubsetOf("operation", "profile", "outcome", "reason", "status", "result",
        "directory", "kind", "domain", "subject_cn", "store", "le",
        // an event-loop thread's name: one per core at most
        "loop");
    assertThat(scraped.bodyAsString()).doesNotContain("client-1").doesNotContain("OFBBR-");
  }

  @Test
  void timesGatewayAndUpstreamSeparately() {
    assertThat(scrape.value("dcr_gateway_processing_seconds_count",
        Map.of("operation", "register", "outcome", "forwarded"))).contains(1.0);
    assertThat(scrape.value("dcr_gateway_processing_seconds_count",
        Map.of("operation", "register", "outcome", "rejected"))).contains(3.0);
    assertThat(scrape.value("dcr_gateway_upstream_seconds_count", Map.of("operation", "register"))).contains(1.0);
    assertThat(scrape.named("dcr_gateway_upstream_seconds_bucket")).isNotEmpty();
    assertThat(scrape.value("dcr_gateway_upstream_responses_total", Map.of("status", "201"))).contains(1.0);
  }

  @Test
  void countsClientCertificateVerificationsByResult() {
    // TPP1_A's chain came twice, on two connections: verified once, its verdict reused.
    assertThat(verifications("accepted")).isEqualTo(1.0);
    assertThat(verifications("tls.client-cert.missing")).isEqualTo(1.0);
    assertThat(verifications("tls.client-cert.bad-signature")).isEqualTo(1.0);
    assertThat(verifications("tls.client-cert.expired")).isEqualTo(0.0);
  }

  @Test
  void publishesSecondsUntilExpiryOfAnchorsIntermediatesAndTheServerCertificate() throws Exception {
    DevPkiLayout pki = SharedDevPki.layout();
    assertExpiry("anchor", "dev", PemCertificates.read(pki.tppTrustBundle()).get(0));
    assertExpiry("intermediate", "dev", PemCertificates.read(pki.tppIntermediates()).get(0));
    assertExpiry("server", "listener", PemCertificates.read(pki.server().chain()).get(0));
    assertThat(scrape.named("dcr_gateway_certificate_expiry_seconds")).hasSize(3);
  }

  @Test
  void publishesDirectoryKeysAndTheReplayStore() throws Exception {
    Map<String, String> directory = Map.of("directory", "dev-directory");
    int keys = JWKSet.load(SharedDevPki.layout().directoryJwks().toFile()).size();
    assertThat(scrape.value("dcr_gateway_jwks_keys", directory)).contains((double) keys);
    assertThat(scrape.value("dcr_gateway_jwks_available", directory)).contains(1.0);
    assertThat(scrape.value("dcr_gateway_jwks_fetch_failures_total", directory)).contains(0.0);
    assertThat(scrape.value("dcr_gateway_jwks_fetches_total", directory)).contains(1.0);
    assertThat(scrape.value("dcr_gateway_jwks_age_seconds", directory).orElseThrow()).isNotNegative();
    // The forwarded registration's jti; the refused one was not claimed, so it may be retried.
    assertThat(scrape.value("dcr_gateway_replay_store_entries", Map.of())).contains(1.0);
    assertThat(scrape.value("dcr_gateway_reloads_total", Map.of("result", "failed"))).contains(0.0);
  }

  @Test
  void includesJvmMetrics() {
    assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
    assertThat(scrape.has("jvm_threads_live_threads")).isTrue();
    assertThat(scrape.has("process_uptime_seconds")).isTrue();
  }

  /** promtool checks the rules' syntax in CI; this checks they watch metrics the gateway has. */
  @Test
  void everyMetricTheAlertsAndTheDashboardUseIsExposed() throws Exception {
    Path conf = Path.of("conf");
    JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(conf.resolve("prometheus/alerts.yml").toFile());
    StringBuilder expressions = new StringBuilder();
    for (JsonNode group : alerts.get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        assertThat(rule.hasNonNull("alert")).as(rule.toString()).isTrue();
        assertThat(rule.path("labels").hasNonNull("severity")).as(rule.get("alert").asText()).isTrue();
        assertThat(rule.path("annotations").hasNonNull("summary")).as(rule.get("alert").asText()).isTrue();
        expressions.append(rule.get("expr").asText()).append('\n');
      }
    }
    expressions.append(Files.readString(conf.resolve("grafana/dcr-gateway-dashboard.json")));
    Set<String> used = new TreeSet<>();
    Matcher m = Pattern.compile("dcr_gateway_[a-z0-9_]+").matcher(expressions);
    while (m.find()) {
      used.add(m.group());
    }
    assertThat(used).contains("dcr_gateway_requests_total", "dcr_gateway_certificate_expiry_seconds",
        "dcr_gateway_jwks_age_seconds", "dcr_gateway_reloads_total");
    assertThat(used).allSatisfy(name -> assertThat(scrape.has(name)).as(name + " in /metrics").isTrue());
  }

  private static double requests(String outcome, String reason) {
    return scrape.value("dcr_gateway_requests_total", Map.of("operation", "register", "profile", PROFILE,
        "outcome", outcome, "reason", reason)).orElse(-1.0);
  }

  private static double verifications(String result) {
    return scrape.value("dcr_gateway_client_certificate_verifications_total", Map.of("result", result))
        .orElse(-1.0);
  }

  private static void assertExpiry(String kind, String domain, X509Certificate certificate) {
    double seconds = scrape.value("dcr_gateway_certificate_expiry_seconds", Map.of("kind", kind, "domain", domain,
        "subject_cn", CertificateExpiry.commonName(certificate))).orElseThrow();
    long notAfter = certificate.getNotAfter().toInstant().getEpochSecond();
    assertThat(seconds).as(kind).isBetween((double) (notAfter - afterScrape.getEpochSecond()),
        (double) (notAfter - beforeScrape.getEpochSecond()));
    assertThat(seconds).as(kind).isPositive();
  }

  private static JsonObject registration(SoftwareStatementMinter ssa) throws Exception {
    JsonObject claims = new JsonObject(ssa.claims());
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("grant_types", new JsonArray().add("authorization_code").add("client_credentials"))
        .put("response_types", new JsonArray().add("code id_token"))
        .put("id_token_signed_response_alg", "PS256")
        .put("software_statement", ssa.mint());
  }

  private static HttpResponse<Buffer> register(Optional<String> client, JsonObject body) throws Exception {
    return TppClient.create(fixture.vertx(), client, false)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body.toBuffer())
        .await(20, TimeUnit.SECONDS);
  }
}
