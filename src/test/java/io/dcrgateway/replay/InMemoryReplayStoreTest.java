package io.dcrgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.TestClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Each token id is accepted once until it expires; a full store refuses rather than forgets. */
class InMemoryReplayStoreTest {

  private static final String SSA = "software_statement";
  private static final String REQUEST = "request_jwt";

  private final TestClock clock = new TestClock();
  private final InMemoryReplayStore store = new InMemoryReplayStore(clock);

  @Test
  void firstUseOfAnIdIsAcceptedAndItsReplayRefused() {
    Instant exp = in(Duration.ofMinutes(5));

    assertThat(answer(store.firstUse(SSA, "jti-1", exp))).isTrue();
    assertThat(answer(store.firstUse(SSA, "jti-1", exp))).isFalse();
    assertThat(answer(store.firstUse(SSA, "jti-1", in(Duration.ofHours(1))))).isFalse();
  }

  @Test
  void idIsRefusedUntilItsExpiryAndAcceptedAgainFromThen() {
    store.firstUse(SSA, "jti-1", in(Duration.ofMinutes(5)));

    clock.advance(Duration.ofMinutes(5).minusNanos(1));
    assertThat(answer(store.firstUse(SSA, "jti-1", in(Duration.ofMinutes(5))))).isFalse();
    clock.advance(Duration.ofNanos(1));
    assertThat(answer(store.firstUse(SSA, "jti-1", in(Duration.ofMinutes(5))))).isTrue();
    assertThat(answer(store.firstUse(SSA, "jti-1", in(Duration.ofMinutes(5))))).isFalse();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void namespacesAreIndependent() {
    Instant exp = in(Duration.ofMinutes(5));

    assertThat(answer(store.firstUse(SSA, "jti-1", exp))).isTrue();
    assertThat(answer(store.firstUse(REQUEST, "jti-1", exp))).isTrue();
    // Where the namespace ends and the id begins is part of what is recorded.
    assertThat(answer(store.firstUse("ab", "c", exp))).isTrue();
    assertThat(answer(store.firstUse("a", "bc", exp))).isTrue();
  }

  @Test
  void expiryAlreadyPassedIsACallerErrorNotAFirstUse() {
    Future<Boolean> answer = store.firstUse(SSA, "jti-1", clock.instant());

    assertThat(answer.failed()).isTrue();
    assertThat(answer.cause()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after now");
    assertThat(store.size()).isZero();
  }

  @Test
  void exactlyOneOfManyConcurrentFirstUsesWins() throws Exception {
    int threads = 16;
    int ids = 2_000;
    Instant exp = in(Duration.ofMinutes(5));
    AtomicIntegerArray wins = new AtomicIntegerArray(ids);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < ids; i++) {
            if (answer(store.firstUse(SSA, "jti-" + i, exp))) {
              wins.incrementAndGet(i);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (var d : done) {
        d.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < ids; i++) {
      assertThat(wins.get(i)).as("wins for jti-%d", i).isEqualTo(1);
    }
    assertThat(store.size()).isEqualTo(ids);
  }

  @Test
  void fullStoreFailsClosedForNewIdsAndStillRefusesReplays() {
    InMemoryReplayStore small = new InMemoryReplayStore(clock, 3);
    Instant exp = in(Duration.ofMinutes(5));
    for (String id : List.of("a", "b", "c")) {
      assertThat(answer(small.firstUse(SSA, id, exp))).isTrue();
    }

    Future<Boolean> fourth = small.firstUse(SSA, "d", exp);

    assertThat(fourth.failed()).isTrue();
    assertThat(fourth.cause()).isInstanceOf(ReplayStoreUnavailableException.class)
        .hasMessageContaining("full (3 unexpired ids)");
    assertThat(answer(small.firstUse(SSA, "a", exp))).isFalse();
    assertThat(small.size()).isEqualTo(3);
  }

  @Test
  void fullStorePurgesExpiredIdsBeforeRefusing() {
    InMemoryReplayStore small = new InMemoryReplayStore(clock, 2);
    small.firstUse(SSA, "a", in(Duration.ofMinutes(1)));
    small.firstUse(SSA, "b", in(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(2));

    assertThat(answer(small.firstUse(SSA, "c", in(Duration.ofMinutes(5))))).isTrue();
    assertThat(answer(small.firstUse(SSA, "b", in(Duration.ofMinutes(5))))).isFalse();
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void fullStorePurgesAtMostOnceASecond() {
    InMemoryReplayStore small = new InMemoryReplayStore(clock, 1);
    small.firstUse(SSA, "a", in(Duration.ofMillis(500)));
    assertThat(small.firstUse(SSA, "b", in(Duration.ofMinutes(5))).failed()).isTrue(); // purged, nothing freed

    clock.advance(Duration.ofMillis(600)); // "a" has expired, but the last purge was 600 ms ago
    assertThat(small.firstUse(SSA, "b", in(Duration.ofMinutes(5))).failed()).isTrue();

    clock.advance(Duration.ofMillis(400));
    assertThat(answer(small.firstUse(SSA, "b", in(Duration.ofMinutes(5))))).isTrue();
  }

  @Test
  void purgeFreesTheSpaceOfExpiredIdsOnly() {
    InMemoryReplayStore small = new InMemoryReplayStore(clock, 3);
    small.firstUse(SSA, "a", in(Duration.ofMinutes(1)));
    small.firstUse(SSA, "b", in(Duration.ofMinutes(1)));
    small.firstUse(SSA, "c", in(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(1));

    assertThat(small.purgeExpired()).isEqualTo(2);

    assertThat(small.size()).isEqualTo(1);
    assertThat(answer(small.firstUse(SSA, "c", in(Duration.ofMinutes(10))))).isFalse();
    assertThat(answer(small.firstUse(SSA, "d", in(Duration.ofMinutes(10))))).isTrue();
    assertThat(answer(small.firstUse(SSA, "e", in(Duration.ofMinutes(10))))).isTrue();
    assertThat(small.firstUse(SSA, "f", in(Duration.ofMinutes(10))).failed()).isTrue();
  }

  private Instant in(Duration duration) {
    return clock.instant().plus(duration);
  }

  /** The in-memory store answers at once; a pending future would be a bug in itself. */
  private static boolean answer(Future<Boolean> future) {
    assertThat(future.succeeded()).as("answered at once: %s", future.cause()).isTrue();
    return future.result();
  }
}
