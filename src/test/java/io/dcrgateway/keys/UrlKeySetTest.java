package io.dcrgateway.keys;

import static io.dcrgateway.keys.TestKeys.leaked;
import static io.dcrgateway.keys.TestKeys.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.testkit.TestClock;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A directory's JWKS URL: fetched at start, refreshed periodically and for unknown kids. */
class UrlKeySetTest {

  private static final Duration GAP = KeySetSource.DEFAULT_MIN_REFRESH_GAP;
  private static TestKeys keys;

  private EventLoopWatch watch;
  private Vertx vertx;
  private WebClient client;
  private JwksServer publisher;
  private TestClock clock;
  private final List<CachedKeySet> started = new ArrayList<>();

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
  }

  @AfterEach
  void stop() throws Exception {
    started.forEach(CachedKeySet::stop);
    client.close();
    publisher.close();
    watch.close();
  }

  @Test
  void servesThePublishedKeysOnceStarted() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));

    KeySnapshot now = set.current();
    assertThat(now.availability()).isEqualTo(KeyAvailability.AVAILABLE);
    assertThat(kids(now.keys())).containsExactly("rsa-before");
    assertThat(now.fetchedAt()).contains(clock.instant());
    assertThat(publisher.acceptHeaders()).containsExactly("application/json, application/jwk-set+json");
    assertThat(set.health()).satisfies(h -> {
      assertThat(h.lastSuccess()).contains(clock.instant());
      assertThat(h.keyCount()).isEqualTo(1);
      assertThat(h.fetches()).isEqualTo(1);
      assertThat(h.failures()).isZero();
      assertThat(h.lastFailure()).isEmpty();
    });
  }

  @Test
  void knownKidIsAnsweredWithoutFetching() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    clock.advance(GAP.multipliedBy(2));

    JWKSet answer = await(set.refreshForUnknownKid("rsa-before"));

    assertThat(kids(answer)).containsExactly("rsa-before");
    assertThat(publisher.requests()).isEqualTo(1);
  }

  @Test
  void unknownKidTriggersExactlyOneFetchForTenConcurrentCallers() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    clock.advance(GAP.plusSeconds(1));
    publisher.serve(published(keys.rsaBefore, keys.rsaAfter));
    publisher.hold();

    List<Future<JWKSet>> answers = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<java.util.concurrent.Future<Future<JWKSet>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(callers.submit(() -> {
          go.await();
          return set.refreshForUnknownKid("rsa-after");
        }));
      }
      go.countDown();
      for (var call : calls) {
        answers.add(call.get(10, TimeUnit.SECONDS));
      }
    } finally {
      callers.shutdownNow();
    }
    Eventually.until("the refetch reaches the publisher", () -> publisher.heldRequests() == 1);
    publisher.release();

    for (Future<JWKSet> answer : answers) {
      assertThat(kids(await(answer))).containsExactlyInAnyOrder("rsa-before", "rsa-after");
    }
    assertThat(publisher.requests()).isEqualTo(2); // the start, and one refetch for ten callers
  }

  @Test
  void secondUnknownKidWithinMinRefreshGapDoesNotRefetch() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    clock.advance(GAP.plusSeconds(1));
    await(set.refreshForUnknownKid("made-up-1"));
    assertThat(publisher.requests()).isEqualTo(2);
    clock.advance(GAP.minusSeconds(1));

    JWKSet answer = await(set.refreshForUnknownKid("made-up-2"));

    assertThat(kids(answer)).containsExactly("rsa-before"); // the caller rejects the kid, not us
    assertThat(publisher.requests()).isEqualTo(2);
  }

  @Test
  void unknownKidRightAfterStartWaitsForTheGapToo() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));

    await(set.refreshForUnknownKid("made-up"));

    assertThat(publisher.requests()).isEqualTo(1);
  }

  @Test
  void unknownKidOnceTheGapHasPassedFetchesAgain() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    clock.advance(GAP);
    await(set.refreshForUnknownKid("made-up-1"));
    clock.advance(GAP);
    publisher.serve(published(keys.rsaAfter));

    JWKSet answer = await(set.refreshForUnknownKid("rsa-after"));

    assertThat(kids(answer)).containsExactly("rsa-after");
    assertThat(publisher.requests()).isEqualTo(3);
  }

  @Test
  void periodicRefreshPicksUpRotatedKeys() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url())
        .withRefreshInterval(Duration.ofMillis(200)).withMinRefreshGap(Duration.ZERO), Clock.systemUTC());
    publisher.serve(published(keys.rsaAfter, keys.ec));

    Eventually.until("rotated keys are served", () -> set.current().hasKeyId("rsa-after"));

    assertThat(kids(set.current().keys())).containsExactlyInAnyOrder("rsa-after", "ec-1");
  }

  @Test
  void keepsServingLastGoodKeysWhileThePublisherIsDown() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    publisher.close();
    clock.advance(Duration.ofHours(23));

    JWKSet answer = await(set.refreshForUnknownKid("made-up"));

    assertThat(kids(answer)).containsExactly("rsa-before");
    assertThat(set.current().availability()).isEqualTo(KeyAvailability.AVAILABLE);
    assertThat(set.health().failures()).isEqualTo(1);
    assertThat(set.health().lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.at()).isEqualTo(clock.instant());
      assertThat(f.reason()).containsIgnoringCase("refused");
    });
  }

  @Test
  void keysLastFetchedLongerAgoThanMaxStalenessAreNotUsed() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    publisher.serve(503, "{}");
    clock.advance(KeySetSource.DEFAULT_MAX_STALENESS.plusSeconds(1));

    KeySnapshot now = set.current();
    assertThat(now.availability()).isEqualTo(KeyAvailability.STALE);
    assertThat(now.usable()).isFalse();
    assertThat(now.keys().getKeys()).isEmpty();
    assertThat(now.hasKeyId("rsa-before")).isFalse();
    assertThatThrownBy(() -> await(set.refreshForUnknownKid("rsa-before")))
        .isInstanceOf(KeySetUnavailableException.class)
        .hasMessageContaining("STALE").hasMessageContaining("HTTP 503")
        .satisfies(e -> assertThat(((KeySetUnavailableException) e).availability()).isEqualTo(KeyAvailability.STALE));
  }

  @Test
  void staleSetRecoversWithTheNextSuccessfulFetch() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    clock.advance(KeySetSource.DEFAULT_MAX_STALENESS.plusSeconds(1));
    assertThat(set.current().availability()).isEqualTo(KeyAvailability.STALE);

    JWKSet answer = await(set.refreshForUnknownKid("rsa-before"));

    assertThat(kids(answer)).containsExactly("rsa-before");
    assertThat(set.current().availability()).isEqualTo(KeyAvailability.AVAILABLE);
  }

  @Test
  void failedFirstFetchIsNotFatalToStartButLeavesNoKeys() throws Exception {
    publisher.serve(500, "oops");

    CachedKeySet set = started(KeySetSource.url(publisher.url()));

    assertThat(set.current().availability()).isEqualTo(KeyAvailability.NOT_LOADED);
    assertThat(set.health().lastFailure()).hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("HTTP 500"));
    assertThatThrownBy(() -> await(set.refreshForUnknownKid("rsa-before")))
        .isInstanceOf(KeySetUnavailableException.class)
        .satisfies(e -> assertThat(((KeySetUnavailableException) e).availability())
            .isEqualTo(KeyAvailability.NOT_LOADED));
    assertThat(publisher.requests()).isEqualTo(1); // within the gap: no second fetch
  }

  @Test
  void setWithNoKeysIsAvailableButEmpty() throws Exception {
    publisher.serve(new JWKSet());

    CachedKeySet set = started(KeySetSource.url(publisher.url()));

    assertThat(set.current().availability()).isEqualTo(KeyAvailability.AVAILABLE);
    assertThat(set.current().keys().getKeys()).isEmpty();
  }

  @Test
  void privateKeyPartsAreStrippedAndSymmetricKeysDropped() throws Exception {
    publisher.serve(leaked(keys.rsaBefore, keys.ec, keys.hmac));

    CachedKeySet set = started(KeySetSource.url(publisher.url()));

    List<JWK> kept = set.current().keys().getKeys();
    assertThat(kept).extracting(JWK::getKeyID).containsExactlyInAnyOrder("rsa-before", "ec-1");
    assertThat(kept).noneMatch(JWK::isPrivate);
    assertThat(kept).containsExactlyInAnyOrderElementsOf(published(keys.rsaBefore, keys.ec).getKeys());
  }

  @Test
  void redirectIsNotFollowed() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    publisher.respondWith(request -> {
      if (request.path().equals("/moved")) {
        request.response().end(published(keys.rsaAfter).toString());
      } else {
        request.response().setStatusCode(302).putHeader("Location", publisher.url("/moved").toString()).end();
      }
    });
    clock.advance(GAP);

    JWKSet answer = await(set.refreshForUnknownKid("rsa-after"));

    assertThat(kids(answer)).containsExactly("rsa-before");
    assertThat(publisher.requests("/moved")).isZero();
    assertThat(set.health().lastFailure()).hasValueSatisfying(f ->
        assertThat(f.reason()).isEqualTo("HTTP 302 (redirects are not followed)"));
  }

  @Test
  void silentPublisherFailsAfterFetchTimeoutWithoutBlocking() throws Exception {
    publisher.respondWith(request -> { /* never answers */ });
    long begin = System.nanoTime();

    CachedKeySet set = started(KeySetSource.url(publisher.url()).withFetchTimeout(Duration.ofMillis(300)));

    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Eventually.DEADLINE);
    assertThat(set.current().availability()).isEqualTo(KeyAvailability.NOT_LOADED);
    assertThat(set.health().lastFailure()).hasValueSatisfying(f ->
        assertThat(f.reason()).matches("no (complete )?answer within 300 ms"));
  }

  @Test
  void tricklingPublisherIsCutOffAtFetchTimeout() throws Exception {
    publisher.respondWith(request -> {
      request.response().setChunked(true).write("{\"keys\":[");
      long timer = vertx.setPeriodic(50, id -> request.response().write(" "));
      request.connection().closeHandler(v -> vertx.cancelTimer(timer));
    });

    CachedKeySet set = started(KeySetSource.url(publisher.url()).withFetchTimeout(Duration.ofMillis(500)));

    assertThat(set.current().availability()).isEqualTo(KeyAvailability.NOT_LOADED);
    assertThat(set.health().lastFailure()).hasValueSatisfying(f ->
        assertThat(f.reason()).isEqualTo("no complete answer within 500 ms"));
  }

  @Test
  void waitersResumeOnTheirOwnEventLoop() throws Exception {
    CachedKeySet set = started(KeySetSource.url(publisher.url()));
    clock.advance(GAP);
    publisher.serve(published(keys.rsaAfter));
    publisher.hold();
    Context first = deployedContext();
    Context second = deployedContext();
    Promise<Context> firstResumedOn = Promise.promise();
    Promise<Context> secondResumedOn = Promise.promise();

    first.runOnContext(v -> set.refreshForUnknownKid("rsa-after")
        .onComplete(done -> firstResumedOn.complete(Vertx.currentContext())));
    Eventually.until("the refetch reaches the publisher", () -> publisher.heldRequests() == 1);
    second.runOnContext(v -> set.refreshForUnknownKid("rsa-after")
        .onComplete(done -> secondResumedOn.complete(Vertx.currentContext())));
    CountDownLatch joined = new CountDownLatch(1);
    second.runOnContext(v -> joined.countDown()); // the second caller has joined once this runs
    assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
    publisher.release();

    assertThat(await(firstResumedOn.future())).isSameAs(first);
    assertThat(await(secondResumedOn.future())).isSameAs(second);
    assertThat(publisher.requests()).isEqualTo(2);
  }

  private Context deployedContext() throws Exception {
    Promise<Context> deployed = Promise.promise();
    await(vertx.deployVerticle(new AbstractVerticle() {
      @Override
      public void start() {
        deployed.complete(context);
      }
    }));
    return await(deployed.future());
  }

  private CachedKeySet started(KeySetSource source) throws Exception {
    return started(source, clock);
  }

  private CachedKeySet started(KeySetSource source, Clock setClock) throws Exception {
    CachedKeySet set = CachedKeySet.create(vertx, source, client, setClock);
    started.add(set);
    await(set.start());
    return set;
  }

  static List<String> kids(JWKSet set) {
    return set.getKeys().stream().map(JWK::getKeyID).toList();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(Eventually.DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }
}
