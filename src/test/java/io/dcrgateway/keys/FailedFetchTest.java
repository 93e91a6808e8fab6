package io.dcrgateway.keys;

import static io.dcrgateway.keys.TestKeys.published;
import static io.dcrgateway.keys.UrlKeySetTest.await;
import static io.dcrgateway.keys.UrlKeySetTest.kids;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.TestClock;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever goes wrong with a refresh, the old keys stay in use and the reason is on record. */
class FailedFetchTest {

  private static final long MAX_BYTES = 4096;
  private static TestKeys keys;

  private EventLoopWatch watch;
  private Vertx vertx;
  private WebClient client;
  private JwksServer publisher;
  private TestClock clock;
  private CachedKeySet set;
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final java.util.logging.Handler capture = new java.util.logging.Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeAll
  static void generateKeys() throws Exception {
    keys = TestKeys.generate();
  }

  @BeforeEach
  void start() throws Exception {
    watch = new EventLoopWatch();
    vertx = watch.vertx();
    client = HttpKeySetLoader.newClient(vertx);
    publisher = JwksServer.start(vertx).serve(published(keys.rsaBefore));
    clock = new TestClock();
    set = CachedKeySet.create(vertx, KeySetSource.url(publisher.url()).withMaxBytes(MAX_BYTES), client, clock);
    await(set.start());
    Logger.getLogger(CachedKeySet.class.getName()).addHandler(capture);
  }

  @AfterEach
  void stop() throws Exception {
    Logger.getLogger(CachedKeySet.class.getName()).removeHandler(capture);
    set.stop();
    client.close();
    publisher.close();
    watch.close();
  }

  static Stream<Arguments> failures() {
    String padding = "x".repeat((int) MAX_BYTES);
    return Stream.of(
        Arguments.of("not found", status(404, "not here"), "HTTP 404"),
        Arguments.of("server error", status(500, "{}"), "HTTP 500"),
        Arguments.of("no content", status(204, ""), "HTTP 204"),
        Arguments.of("not JSON", status(200, "<html>maintenance</html>"), "not a JWK set: "),
        Arguments.of("JSON without keys", status(200, "{\"issuer\":\"x\"}"), "not a JWK set: "),
        Arguments.of("oversized body with Content-Length",
            status(200, "{\"keys\":[],\"pad\":\"" + padding + "\"}"), "body larger than 4096 bytes"),
        Arguments.of("oversized chunked body", chunked(64, 1024), "body larger than 4096 bytes"),
        Arguments.of("connection dropped", (Handler<HttpServerRequest>) r -> r.connection().close(), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failedRefreshKeepsOldKeysAndRecordsTheReason(
      String name, Handler<HttpServerRequest> answer, String reason) throws Exception {
    publisher.respondWith(answer);
    clock.advance(KeySetSource.DEFAULT_MIN_REFRESH_GAP);

    var keysInUse = await(set.refreshForUnknownKid("rsa-after"));

    assertThat(kids(keysInUse)).containsExactly("rsa-before");
    assertThat(set.current().availability()).isEqualTo(KeyAvailability.AVAILABLE);
    KeySetHealth health = set.health();
    assertThat(health.fetches()).isEqualTo(2);
    assertThat(health.failures()).isEqualTo(1);
    assertThat(health.lastSuccess()).contains(clock.instant().minus(KeySetSource.DEFAULT_MIN_REFRESH_GAP));
    assertThat(health.lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.at()).isEqualTo(clock.instant());
      assertThat(f.reason()).startsWith(reason);
    });
    // One line per failure, naming the URL and the reason, with no stack trace for routine trouble.
    assertThat(logged).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage()).contains(publisher.url().toString())
          .contains(health.lastFailure().orElseThrow().reason());
      assertThat(record.getThrown()).isNull();
    });
  }

  private static Handler<HttpServerRequest> status(int status, String body) {
    return request -> request.response().setStatusCode(status).end(body);
  }

  private static Handler<HttpServerRequest> chunked(int chunks, int chunkSize) {
    return request -> {
      var response = request.response().setChunked(true);
      response.write("{\"keys\":[],\"pad\":\"");
      for (int i = 0; i < chunks; i++) {
        response.write("y".repeat(chunkSize));
      }
      response.end("\"}");
    };
  }
}
