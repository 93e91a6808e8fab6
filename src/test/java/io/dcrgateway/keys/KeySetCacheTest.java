package io.dcrgateway.keys;

import static io.dcrgateway.keys.TestKeys.published;
import static io.dcrgateway.keys.UrlKeySetTest.await;
import static io.dcrgateway.keys.UrlKeySetTest.kids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.testkit.TestClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TPP software_jwks_endpoint keys: fetched on first use, one set per URL, bounded in number. */
class KeySetCacheTest {

  private static final Duration GAP = KeySetSource.DEFAULT_MIN_REFRESH_GAP;
  private static TestKeys keys;

  private EventLoopWatch watch;
  private Vertx vertx;
  private WebClient client;
  private JwksServer tpp;
  private TestClock clock;
  private KeySetCache cache;

  @BeforeAll
  static void generateKeys() throws Exception {
    keys = TestKeys.generate();
  }

  @BeforeEach
  void start() throws Exception {
    watch = new EventLoopWatch();
    vertx = watch.vertx();
    client = HttpKeySetLoader.newClient(vertx);
    tpp = JwksServer.start(vertx).serve(published(keys.rsaBefore));
    clock = new TestClock();
    cache = cacheOf(KeySetCache.DEFAULT_MAX_ENTRIES);
  }

  @AfterEach
  void stop() throws Exception {
    cache.close();
    client.close();
    tpp.close();
    watch.close();
  }

  @Test
  void fetchesOnFirstUseAndReusesTheSetAfterwards() throws Exception {
    JWKSet first = await(cache.keysFor(tpp.url(), Optional.of("rsa-before")));
    JWKSet second = await(cache.keysFor(tpp.url(), Optional.of("rsa-before")));

    assertThat(kids(first)).containsExactly("rsa-before");
    assertThat(second).isSameAs(first);
    assertThat(tpp.requests()).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.fetches()).isEqualTo(1);
    assertThat(cache.failures()).isZero();
  }

  @Test
  void concurrentFirstUsesOfOneUrlShareOneFetch() throws Exception {
    tpp.hold();
    List<Future<JWKSet>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(cache.keysFor(tpp.url(), Optional.empty()));
    }
    Eventually.until("the fetch reaches the TPP", () -> tpp.heldRequests() == 1);
    tpp.release();

    for (Future<JWKSet> answer : answers) {
      assertThat(kids(await(answer))).containsExactly("rsa-before");
    }
    assertThat(tpp.requests()).isEqualTo(1);
  }

  @Test
  void unknownKidRefetchesOnceTheGapHasPassed() throws Exception {
    await(cache.keysFor(tpp.url(), Optional.empty()));
    tpp.serve(published(keys.rsaBefore, keys.rsaAfter));

    JWKSet withinGap = await(cache.keysFor(tpp.url(), Optional.of("rsa-after")));
    clock.advance(GAP);
    JWKSet afterGap = await(cache.keysFor(tpp.url(), Optional.of("rsa-after")));

    assertThat(kids(withinGap)).containsExactly("rsa-before");
    assertThat(kids(afterGap)).containsExactlyInAnyOrder("rsa-before", "rsa-after");
    assertThat(tpp.requests()).isEqualTo(2);
  }

  @Test
  void setOlderThanRefreshIntervalIsAnsweredAtOnceAndRefreshedBehind() throws Exception {
    await(cache.keysFor(tpp.url(), Optional.empty()));
    tpp.serve(published(keys.rsaAfter));
    clock.advance(KeySetSource.DEFAULT_REFRESH_INTERVAL);

    JWKSet answered = await(cache.keysFor(tpp.url(), Optional.empty()));

    assertThat(kids(answered)).containsExactly("rsa-before");
    Eventually.until("the background refresh lands",
        () -> cache.health(tpp.url()).orElseThrow().lastSuccess().equals(Optional.of(clock.instant())));
    assertThat(kids(await(cache.keysFor(tpp.url(), Optional.empty())))).containsExactly("rsa-after");
    assertThat(tpp.requests()).isEqualTo(2);
  }

  @Test
  void leastRecentlyUsedUrlIsForgottenBeyondMaxEntries() throws Exception {
    cache = cacheOf(2);
    await(cache.keysFor(tpp.url("/a"), Optional.empty()));
    await(cache.keysFor(tpp.url("/b"), Optional.empty()));
    await(cache.keysFor(tpp.url("/a"), Optional.empty())); // /b is now least recently used
    await(cache.keysFor(tpp.url("/c"), Optional.empty()));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.health(tpp.url("/b"))).isEmpty();
    await(cache.keysFor(tpp.url("/a"), Optional.empty()));
    await(cache.keysFor(tpp.url("/b"), Optional.empty()));
    assertThat(tpp.requests("/a")).isEqualTo(1);
    assertThat(tpp.requests("/b")).isEqualTo(2);
    assertThat(cache.fetches()).isEqualTo(4);
  }

  @Test
  void unreachableEndpointIsUnavailableAndNotRetriedWithinTheGap() throws Exception {
    URI closed = closedPortUrl();

    assertThatThrownBy(() -> await(cache.keysFor(closed, Optional.of("rsa-before"))))
        .isInstanceOf(KeySetUnavailableException.class)
        .hasMessageContaining(closed.toString());
    assertThatThrownBy(() -> await(cache.keysFor(closed, Optional.of("rsa-before"))))
        .isInstanceOf(KeySetUnavailableException.class);

    assertThat(cache.fetches()).isEqualTo(1);
    assertThat(cache.failures()).isEqualTo(1);
    assertThat(cache.health(closed)).hasValueSatisfying(h -> {
      assertThat(h.availability()).isEqualTo(KeyAvailability.NOT_LOADED);
      assertThat(h.lastFailure()).isPresent();
    });
  }

  @Test
  void urlThatIsNotHttpIsRejected() {
    assertThatThrownBy(() -> await(cache.keysFor(URI.create("file:///etc/passwd"), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL");
    assertThat(cache.size()).isZero();
    assertThat(cache.fetches()).isZero();
  }

  private KeySetCache cacheOf(int maxEntries) {
    if (cache != null) {
      cache.close();
    }
    return new KeySetCache(vertx, client, KeySetSource::url, maxEntries, clock);
  }

  private static URI closedPortUrl() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/jwks");
    }
  }
}
