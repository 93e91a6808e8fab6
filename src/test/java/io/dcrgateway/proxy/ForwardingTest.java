package io.dcrgateway.proxy;

import static io.dcrgateway.testkit.TestConfigs.UPSTREAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ForwardingConfig;
import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import io.dcrgateway.config.ForwardingConfig.CertificateHeaderFormat;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RecordingUpstream.Received;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the identity server receives from the gateway, and what the TPP gets back. */
@ExtendWith(VertxExtension.class)
class ForwardingTest {

  /** Odd spacing and key order on purpose: the identity server must get these exact bytes. */
  private static final String BODY = "{\"redirect_uris\" : [\"https://tpp.example/cb?x=1\"],  \"client_name\":\"TPP\"}";

  private static GatewayFixture fixture;
  private static Vertx vertx;
  private static RecordingUpstream upstream;
  private static RunningGateway gateway;
  private static WebClient tpp;
  private static X509Certificate leaf;
  private static X509Certificate issuingCa;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    vertx = fixture.vertx();
    upstream = fixture.upstream();
    gateway = fixture.gateway();
    tpp = TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A);
    DevPkiLayout pki = SharedDevPki.layout();
    leaf = PemCertificates.read(pki.client(DevPkiLayout.OFB_TPP1_A).certificate()).get(0);
    issuingCa = PemCertificates.read(pki.tppIssuingCa().certificate()).get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    upstream.clear();
    upstream.respondWith(r -> r.response().setStatusCode(201)
        .putHeader("Content-Type", "application/json").end("{\"client_id\":\"c-1\"}"));
  }

  @Test
  void registrationReachesTheMappedEndpointWithBodyAndAuthorizationUnchanged() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/register", BODY,
        "Authorization", "Bearer initial-access-token");

    assertThat(response.statusCode()).isEqualTo(201);
    Received forwarded = upstream.only();
    assertThat(forwarded.method()).isEqualTo("POST");
    assertThat(forwarded.uri()).isEqualTo(UPSTREAM_PATH);
    assertThat(forwarded.body().toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
    assertThat(forwarded.headers().get("Authorization")).isEqualTo("Bearer initial-access-token");
    assertThat(forwarded.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void managementCallsCarryTheClientIdIntoTheUpstreamPath() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"3f1c-abc_9\"}"));
    send(HttpMethod.POST, "/register", BODY);
    upstream.respondWith(r -> r.response().setStatusCode(200).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"3f1c-abc_9\"}"));

    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE)) {
      upstream.clear();
      send(method, "/register/3f1c-abc_9", method == HttpMethod.PUT ? BODY : null,
          "Authorization", "Bearer rat-1");

      Received forwarded = upstream.only();
      assertThat(forwarded.method()).isEqualTo(method.name());
      assertThat(forwarded.uri()).isEqualTo(UPSTREAM_PATH + "/3f1c-abc_9");
      assertThat(forwarded.headers().get("Authorization")).isEqualTo("Bearer rat-1");
    }
  }

  @Test
  void registrationClientUriPointsAtTheGatewaySoManagementComesBackThroughIt() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"c-77\",\"registration_client_uri\":\"http://is.internal:8080"
            + UPSTREAM_PATH + "/c-77\",\"registration_access_token\":\"rat\"}"));

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/register", BODY);

    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("registration_client_uri"))
        .isEqualTo("https://127.0.0.1:" + gateway.port() + "/register/c-77");
    assertThat(body.getString("registration_access_token")).isEqualTo("rat");
  }

  @Test
  void spoofedCertificateHeadersNeverReachTheUpstream() throws Exception {
    send(HttpMethod.POST, "/register", BODY,
        "Client-Cert", ":AAAA:",
        "Client-Cert-Chain", ":BBBB:",
        "X-Forwarded-Client-Cert", "Hash=00;Subject=\"CN=attacker\"",
        "ssl-client-cert", "-----BEGIN%20CERTIFICATE-----",
        "X-SSL-Cert", "spoofed",
        "X-Client-Cert", "spoofed",
        "ssl-client-verify", "SUCCESS",
        "X-Forwarded-For", "6.6.6.6",
        "X-Forwarded-Host", "evil.example",
        "Forwarded", "for=6.6.6.6");

    Received forwarded = upstream.only();
    assertThat(forwarded.headers().getAll("Client-Cert")).containsExactly(rfc9440(leaf));
    assertThat(forwarded.headers().getAll("Client-Cert-Chain")).containsExactly(rfc9440(issuingCa));
    for (String name : List.of("X-Forwarded-Client-Cert", "ssl-client-cert", "X-SSL-Cert",
        "X-Client-Cert", "ssl-client-verify", "Forwarded")) {
      assertThat(forwarded.headers().contains(name)).as(name).isFalse();
    }
    assertThat(forwarded.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(forwarded.headers().get("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + gateway.port());
    assertThat(forwarded.headers().get("X-Forwarded-Proto")).isEqualTo("https");
  }

  @Test
  void rfc9440ClientCertIsTheDerOfTheVerifiedLeafAsAByteSequence() throws Exception {
    send(HttpMethod.POST, "/register", BODY);

    String value = upstream.only().headers().get("Client-Cert");
    assertThat(value).startsWith(":").endsWith(":");
    assertThat(Base64.getDecoder().decode(value.substring(1, value.length() - 1))).isEqualTo(leaf.getEncoded());
  }

  @Test
  void aBaseUrlWithAPathPrefixesTheEndpointAndTheHostHeaderNamesTheIdentityServer() throws Exception {
    try (RunningGateway other = RunningGateway.start(vertx, TestConfigs.forUpstream(upstream.baseUrl() + "/idp/base/"))) {
      tpp.post(other.port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(BODY)).await(20, TimeUnit.SECONDS);

      Received forwarded = upstream.only();
      assertThat(forwarded.uri()).isEqualTo("/idp/base" + UPSTREAM_PATH);
      assertThat(forwarded.headers().get("Host")).isEqualTo(java.net.URI.create(upstream.baseUrl()).getAuthority());
    }
  }

  @Test
  void emitsUrlEncodedPemAndXfccWhenConfigured() throws Exception {
    var config = TestConfigs.withForwarding(TestConfigs.forUpstream(upstream.baseUrl()),
        new ForwardingConfig(List.of(
            new CertificateHeader(CertificateHeaderFormat.PEM_URLENCODED, "ssl-client-cert", false),
            new CertificateHeader(CertificateHeaderFormat.XFCC, "x-forwarded-client-cert", false)),
            List.of("X-Custom-Cert"), "X-Request-Id"));
    try (RunningGateway other = RunningGateway.start(vertx, config)) {
      tpp.post(other.port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/json")
          .putHeader("X-Custom-Cert", "spoofed")
          .putHeader("Client-Cert", ":AAAA:")
          .sendBuffer(Buffer.buffer(BODY)).await(20, TimeUnit.SECONDS);

      Received forwarded = upstream.only();
      String pem = URLDecoder.decode(forwarded.headers().get("ssl-client-cert"), StandardCharsets.UTF_8);
      assertThat(parse(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(leaf);
      String xfcc = forwarded.headers().get("x-forwarded-client-cert");
      assertThat(xfcc).contains("Hash=" + io.dcrgateway.tls.CertificateFingerprint.sha256Hex(leaf))
          .contains("Subject=\"" + leaf.getSubjectX500Principal().getName().replace("\"", "\\\"") + "\"")
          .contains("Cert=\"-----BEGIN%20CERTIFICATE-----");
      assertThat(forwarded.headers().contains("X-Custom-Cert")).isFalse();
      assertThat(forwarded.headers().contains("Client-Cert")).isFalse();
    }
  }

  @Test
  void requestIdIsGeneratedForwardedAndEchoedWithTheFapiInteractionId() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/register", BODY,
        "x-fapi-interaction-id", "c770aef3-6784-41f7-8e0e-ff5f97bddb3a");

    String requestId = response.getHeader("X-Request-Id");
    assertThat(requestId).matches("[0-9a-f-]{36}");
    assertThat(upstream.only().headers().get("X-Request-Id")).isEqualTo(requestId);
    assertThat(response.getHeader("x-fapi-interaction-id")).isEqualTo("c770aef3-6784-41f7-8e0e-ff5f97bddb3a");
    assertThat(upstream.only().headers().get("x-fapi-interaction-id")).isEqualTo("c770aef3-6784-41f7-8e0e-ff5f97bddb3a");

    upstream.clear();
    HttpResponse<Buffer> own = send(HttpMethod.POST, "/register", BODY, "X-Request-Id", "tpp-req-42");
    assertThat(own.getHeader("X-Request-Id")).isEqualTo("tpp-req-42");
    assertThat(upstream.only().headers().get("X-Request-Id")).isEqualTo("tpp-req-42");
  }

  @Test
  void hopByHopHeadersAreNotForwarded() throws Exception {
    send(HttpMethod.POST, "/register", BODY,
        "Connection", "keep-alive, X-Hop", "X-Hop", "1", "Keep-Alive", "timeout=5", "TE", "trailers",
        "Proxy-Authorization", "Basic Zm9vOmJhcg==", "X-End-To-End", "kept",
        "Accept-Encoding", "gzip", "X-HTTP-Method-Override", "PUT");

    Received forwarded = upstream.only();
    for (String name : List.of("X-Hop", "Keep-Alive", "TE", "Proxy-Authorization", "Accept-Encoding",
        "X-HTTP-Method-Override")) {
      assertThat(forwarded.headers().contains(name)).as(name).isFalse();
    }
    assertThat(forwarded.headers().get("X-End-To-End")).isEqualTo("kept");
  }

  @Test
  void theIdentityServersAnswerIsRelayedAsIs() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(400)
        .putHeader("Content-Type", "application/json")
        .putHeader("X-IS-Trace", "t-1")
        .end("{\"error\":\"invalid_client_metadata\",\"error_description\":\"from the IS\"}"));

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/register", BODY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("X-IS-Trace")).isEqualTo("t-1");
    assertThat(response.bodyAsJsonObject().getString("error_description")).isEqualTo("from the IS");
  }

  @Test
  void trailingContentAfterTheJsonObjectIsRefused() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/register", BODY + "{\"jwks\":{}}");

    assertError(response, 400, "invalid_client_metadata");
  }

  @Test
  void aRegistrationAnswerWithoutClientIdIsABadGatewayNotRelayed() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end("{\"registration_client_uri\":\"http://is.internal/x\"}"));

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/register", BODY);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsString()).doesNotContain("is.internal");
  }

  @Test
  void unknownPathsAre404JsonAndNotForwarded() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/admin/clients", BODY);

    assertError(response, 404, "not_found");
  }

  @Test
  void methodsTheRoutesDoNotTakeAre405Json() throws Exception {
    assertError(send(HttpMethod.GET, "/register", null), 405, "method_not_allowed");
    assertError(send(HttpMethod.POST, "/register/abc", BODY), 405, "method_not_allowed");
  }

  @Test
  void bodiesOverTheLimitAre413JsonAndNotForwarded() throws Exception {
    String big = "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}";

    assertError(send(HttpMethod.POST, "/register", big), 413, "request_too_large");
  }

  @Test
  void clientIdsThatCouldEscapeTheRegistrationPathAre400() throws Exception {
    assertError(send(HttpMethod.GET, "/register/..%2Fadmin", null), 400, "invalid_request");
    assertError(send(HttpMethod.GET, "/register/a%2Fb", null), 400, "invalid_request");
  }

  @Test
  void everyDecisionIsAudited() throws Exception {
    String registered = send(HttpMethod.POST, "/register", BODY).getHeader("X-Request-Id");
    String nowhere = send(HttpMethod.POST, "/nowhere", BODY).getHeader("X-Request-Id");

    JsonObject forwarded = gateway.audit().awaitMatching(e -> registered.equals(e.getString("request_id")));
    JsonObject rejected = gateway.audit().awaitMatching(e -> nowhere.equals(e.getString("request_id")));
    assertThat(forwarded.getString("outcome")).isEqualTo("forwarded");
    assertThat(forwarded.getInteger("upstream_status")).isEqualTo(201);
    assertThat(forwarded.getJsonObject("certificate").getString("trust_domain")).isEqualTo("dev");
    assertThat(rejected.getString("outcome")).isEqualTo("rejected");
    assertThat(rejected.getString("reason")).isEqualTo("route.not-found");
  }

  private void assertError(HttpResponse<Buffer> response, int status, String error) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(error);
    assertThat(response.bodyAsJsonObject().getString("error_description")).isNotBlank();
    assertThat(upstream.received()).isEmpty();
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String uri, String body, String... headers)
      throws Exception {
    HttpRequest<Buffer> request = tpp.request(method, gateway.port(), "127.0.0.1", uri);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    if (body != null) {
      request.putHeader("Content-Type", "application/json");
      return request.sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);
    }
    return request.send().await(20, TimeUnit.SECONDS);
  }

  private static String rfc9440(X509Certificate certificate) throws Exception {
    return ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";
  }

  private static X509Certificate parse(byte[] pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem));
  }
}
