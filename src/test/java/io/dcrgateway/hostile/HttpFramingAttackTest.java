package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RawTls;
import io.dcrgateway.testkit.TestConfigs;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-framed HTTP/1.1 over real TLS, from a TPP whose certificate the gateway accepts: oversized
 * heads and bodies, request smuggling (RFC 9112 §6.1, §6.3), obs-fold (§5.2), CR/LF and NUL in
 * header values. Each is answered with a 4xx or the connection is closed: never a 5xx, never a
 * hang, and nothing reaches the identity server (the Open Finance Brasil profile refuses any body
 * without a genuine software statement, so a request that got through would show as forwarded
 * only if framing let a smuggled one past the checks).
 */
class HttpFramingAttackTest {

  private static final String HEAD = "POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  private static final String SMUGGLED = "GET /register/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  /** Sent after each attack: whatever state the framing left, the connection ends after this. */
  private static final String LAST = "GET /register/last HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  private static final ListenerConfig.Limits LIMITS = TestConfigs.NO_RATE_LIMIT;

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    // A short idle timeout ends connections whose framing left the gateway waiting for bytes
    // that never come; a test then sees the close instead of a 60 s stall.
    fixture = GatewayFixture.start(c -> HostileConfigs.idleTimeout(HostileConfigs.openFinance(c), Duration.ofSeconds(3)));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  static Stream<Arguments> hostileFraming() {
    return Stream.of(
        Arguments.of("a 100 kB header (Vert.x limit 8 kB)", HEAD + "X-Big: " + "a".repeat(100_000)
            + "\r\nContent-Length: 2\r\n\r\n{}"),
        Arguments.of("a 20 kB request line", "GET /register/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\n\r\n"),
        Arguments.of("5,000 headers", HEAD + "X-H: 1\r\n".repeat(5_000) + "Content-Length: 2\r\n\r\n{}"),
        Arguments.of("Content-Length and Transfer-Encoding together (CL.TE)", HEAD
            + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding and Content-Length together (TE.CL)", HEAD
            + "Transfer-Encoding: chunked\r\nContent-Length: 60\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("two different Content-Length values", HEAD + "Content-Length: 2\r\nContent-Length: 41\r\n\r\n{}"
            + SMUGGLED),
        Arguments.of("Content-Length list with different values", HEAD + "Content-Length: 2, 41\r\n\r\n{}" + SMUGGLED),
        Arguments.of("obs-fold hiding Transfer-Encoding", HEAD
            + "X-Folded: a\r\n Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n{}" + SMUGGLED),
        Arguments.of("obs-fold continuing Transfer-Encoding", HEAD
            + "Transfer-Encoding:\r\n chunked\r\nContent-Length: 2\r\n\r\n{}" + SMUGGLED),
        Arguments.of("whitespace before the colon of Transfer-Encoding", HEAD
            + "Transfer-Encoding : chunked\r\nContent-Length: 2\r\n\r\n{}" + SMUGGLED),
        Arguments.of("Transfer-Encoding xchunked", HEAD + "Transfer-Encoding: xchunked\r\nContent-Length: 2\r\n\r\n{}"
            + SMUGGLED),
        Arguments.of("Transfer-Encoding chunked, identity", HEAD
            + "Transfer-Encoding: chunked, identity\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("a chunk size that is not hex", HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
        Arguments.of("a negative Content-Length", HEAD + "Content-Length: -1\r\n\r\n{}"),
        Arguments.of("a Content-Length beyond 64 bits", HEAD + "Content-Length: 99999999999999999999999\r\n\r\n{}"),
        Arguments.of("a bare CR splitting a header value", HEAD
            + "X-Request-Id: abc\rSet-Cookie: injected=1\r\nContent-Length: 2\r\n\r\n{}"),
        Arguments.of("a NUL in a header value", HEAD + "x-fapi-interaction-id: a\u0000b\r\nContent-Length: 2\r\n\r\n{}"),
        Arguments.of("a header name with a space", HEAD + "Bad Name: x\r\nContent-Length: 2\r\n\r\n{}"),
        Arguments.of("an HTTP/0.9 request", "GET /register\r\n\r\n"),
        Arguments.of("a body of 10 MB announced", HEAD + "Content-Length: 10485760\r\n\r\n{\"a\":\""),
        Arguments.of("a chunked body beyond the limit", HEAD + "Transfer-Encoding: chunked\r\n\r\n"
            + ("400\r\n" + "a".repeat(1024) + "\r\n").repeat(80) + "0\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFraming")
  void answeredWith4xxOrClosedAndNothingForwarded(String attack, String request) throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      try {
        connection.send(request + LAST);
      } catch (java.net.SocketException | javax.net.ssl.SSLException closedWhileSending) {
        // Refused (e.g. 431) and closed before the client finished writing: a closed connection
        // is one of the two allowed outcomes; any answer that did arrive is still read below.
      }

      for (Optional<RawTls.Reply> reply = connection.reply(); reply.isPresent(); reply = connection.reply()) {
        assertThat(reply.get().status()).as("%s answered %s", attack, reply.get()).isBetween(400, 499);
        assertNoInjectedHeader(reply.get());
      }
    }
    assertThat(fixture.upstream().received()).as("forwarded").isEmpty();
  }

  /**
   * Heads Vert.x refuses before any handler of the gateway runs: still an RFC 7591 §3.2.2 JSON
   * error (not Vert.x's empty body), one audit record and one count, and the connection closed,
   * since what followed the unreadable head cannot be framed.
   */
  static Stream<Arguments> unreadableHeads() {
    int line = LIMITS.maxInitialLineLength();
    int headers = LIMITS.maxHeaderBytes();
    return Stream.of(
        Arguments.of("a request line over max-initial-line-length", "GET /register/" + "a".repeat(line) + " HTTP/1.1\r\n"
            + "Host: a\r\n\r\n", 414, "request.line-too-long", "-"),
        Arguments.of("one header over max-header-size", HEAD + "X-Big: " + "a".repeat(headers)
            + "\r\nContent-Length: 2\r\n\r\n{}", 431, "request.headers-too-large", "/register"),
        Arguments.of("more header lines than max-header-size holds", HEAD + "X-H: 1\r\n".repeat(headers / 4)
            + "Content-Length: 2\r\n\r\n{}", 431, "request.headers-too-large", "/register"),
        Arguments.of("a request line with an invalid HTTP version", "POST /register HTTP/1.x\r\nHost: a\r\n\r\n",
            400, "request.head-malformed", "-"),
        Arguments.of("a header name with a space", HEAD + "Bad Name: x\r\nContent-Length: 2\r\n\r\n{}", 400,
            "request.head-malformed", "/register"),
        Arguments.of("a negative Content-Length", HEAD + "Content-Length: -1\r\n\r\n{}", 400,
            "request.head-malformed", "/register"),
        Arguments.of("an HTTP version this listener does not serve", "POST /register HTTP/7.1\r\nHost: a\r\n"
            + "Content-Length: 2\r\n\r\n{}", 400, "request.http-version-unsupported", "/register"),
        Arguments.of("the HTTP/2 preface without ALPN", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400,
            "request.http-version-unsupported", "*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableHeads")
  void anUnreadableHeadIsAJsonInvalidRequestAuditedCountedAndTheConnectionClosed(String attack, String request,
      int status, String reason, String auditedPath) throws Exception {
    double countedBefore = refusals(reason);
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      connection.send(request + LAST);

      RawTls.Reply reply = connection.reply().orElseThrow(() -> new AssertionError("closed without an answer"));
      assertThat(reply.status()).as("status, body %s", reply.body()).isEqualTo(status);
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
      assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
      assertThat(reply.header("Connection")).isEqualTo("close");
      JsonObject body = new JsonObject(reply.body());
      assertThat(body.getString("error")).isEqualTo("invalid_request");
      assertThat(body.getString("error_description")).isNotBlank();
      assertThat(connection.reply()).as("an answer after the unreadable head").isEmpty();

      JsonObject audited = Refusals.auditOf(fixture.gateway().audit(), reply.header("X-Request-Id"));
      assertThat(audited.getString("outcome")).isEqualTo("rejected");
      assertThat(audited.getInteger("status")).isEqualTo(status);
      assertThat(audited.getString("error")).isEqualTo("invalid_request");
      assertThat(audited.getString("reason")).isEqualTo(reason);
      assertThat(audited.getString("path")).isEqualTo(auditedPath);
      assertThat(audited.getJsonObject("certificate").getString("subject")).as("who sent it").isNotBlank();
    }
    assertThat(refusals(reason)).as("dcr_gateway_requests_total{reason=%s}", reason).isEqualTo(countedBefore + 1);
    assertThat(fixture.upstream().received()).as("forwarded").isEmpty();
  }

  /** RFC 9112 §6.1: a request with both framings may be served, but the connection must then close. */
  @Test
  void aRequestFramedBothWaysClosesTheConnectionSoNothingCanBeSmuggledBehindIt() throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      connection.send(HEAD + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + SMUGGLED);

      Optional<RawTls.Reply> first = connection.reply();
      assertThat(first).hasValueSatisfying(r -> assertThat(r.status()).isBetween(400, 499));
      assertThat(connection.reply()).as("an answer to the smuggled request").isEmpty();
    }
  }

  @Test
  void aBodyAnnouncedBeyondTheLimitIs413JsonBeforeItIsSent() throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      connection.send(HEAD + "Content-Length: 10485760\r\n\r\n");

      RawTls.Reply reply = connection.reply().orElseThrow();
      assertThat(reply.status()).isEqualTo(413);
      assertThat(new JsonObject(reply.body()).getString("error")).isEqualTo("request_too_large");
      assertThat(connection.reply()).as("connection kept for the rest of the body").isEmpty();
    }
    assertThat(fixture.upstream().received()).isEmpty();
  }

  /** HTTP/2 is off on the public listener (useAlpn false): no rapid-reset surface to test. */
  @Test
  void http2IsNotNegotiatedEvenWhenOfferedFirst() throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port(), List.of("h2", "http/1.1"))) {
      assertThat(connection.negotiatedProtocol()).isNotEqualTo("h2");
    }
  }

  private static double refusals(String reason) {
    return fixture.gateway().server().metrics().registry().find("dcr_gateway_requests").tag("reason", reason)
        .counters().stream().mapToDouble(Counter::count).sum();
  }

  private static void assertNoInjectedHeader(RawTls.Reply reply) {
    assertThat(reply.headers()).doesNotContainKey("set-cookie");
    if (reply.header("X-Request-Id") != null) {
      assertThat(reply.header("X-Request-Id")).as("echoed request id").doesNotContain("Set-Cookie", "injected");
    }
  }
}
