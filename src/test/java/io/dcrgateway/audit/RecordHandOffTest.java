package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-off between the event loops and an audit writer: nothing lost, nothing twice, in order. */
class RecordHandOffTest {

  private static final long GATHER = TimeUnit.MILLISECONDS.toNanos(2);

  @Test
  void aBatchHoldsTheRecordsInTheOrderOffered() {
    RecordHandOff<Integer> handOff = new RecordHandOff<>(100, GATHER);
    for (int i = 0; i < 10; i++) {
      assertThat(handOff.offer(i)).isTrue();
    }
    List<Integer> batch = new ArrayList<>();

    assertThat(handOff.next(batch)).isTrue();

    assertThat(batch).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(handOff.size()).isZero();
  }

  @Test
  void beyondItsCapacityAnOfferIsRefusedAndTheCallerKeepsTheRecord() {
    RecordHandOff<Integer> handOff = new RecordHandOff<>(3, GATHER);

    assertThat(List.of(handOff.offer(1), handOff.offer(2), handOff.offer(3), handOff.offer(4)))
        .containsExactly(true, true, true, false);
    assertThat(handOff.size()).isEqualTo(3);
  }

  @Test
  void afterCloseTheWriterGetsWhatWasOfferedBeforeThenTheEndAndLaterOffersAreRefused() {
    RecordHandOff<Integer> handOff = new RecordHandOff<>(100, GATHER);
    handOff.offer(1);
    handOff.offer(2);
    handOff.close();

    List<Integer> batch = new ArrayList<>();
    assertThat(handOff.offer(3)).isFalse();
    assertThat(handOff.next(batch)).isTrue();
    assertThat(batch).containsExactly(1, 2);
    batch.clear();
    assertThat(handOff.next(batch)).isFalse();
    assertThat(batch).isEmpty();
  }

  @Test
  void aWriterAsleepOnAnIdleHandOffIsWokenByTheNextOfferAndByClose() throws Exception {
    RecordHandOff<Integer> handOff = new RecordHandOff<>(100, GATHER);
    List<List<Integer>> batches = new ArrayList<>();
    CountDownLatch firstBatch = new CountDownLatch(1);
    Thread writer = new Thread(() -> {
      List<Integer> batch = new ArrayList<>();
      while (handOff.next(batch)) {
        batches.add(List.copyOf(batch));
        batch.clear();
        firstBatch.countDown();
      }
    });
    writer.start();
    // Idle for many gather intervals: the writer has gone to sleep without a timer.
    waitUntilParkedWithoutTimer(writer);

    handOff.offer(42);
    assertThat(firstBatch.await(10, TimeUnit.SECONDS)).as("woken by the offer").isTrue();
    waitUntilParkedWithoutTimer(writer);
    handOff.close();
    writer.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(writer.isAlive()).as("woken by close, and ended").isFalse();
    assertThat(batches).containsExactly(List.of(42));
  }

  @Test
  void recordsFromManyThreadsAllArriveOnceEachInTheOrderEachThreadOfferedThem() throws Exception {
    int threads = 4;
    int perThread = 50_000;
    RecordHandOff<long[]> handOff = new RecordHandOff<>(1_000_000, GATHER);
    Map<Long, List<Long>> received = new HashMap<>();
    Thread writer = new Thread(() -> {
      List<long[]> batch = new ArrayList<>();
      while (handOff.next(batch)) {
        batch.forEach(r -> received.computeIfAbsent(r[0], t -> new ArrayList<>()).add(r[1]));
        batch.clear();
      }
    });
    writer.start();
    List<CompletableFuture<Void>> offering = new ArrayList<>();
    for (long t = 0; t < threads; t++) {
      long thread = t;
      offering.add(CompletableFuture.runAsync(() -> {
        for (long i = 0; i < perThread; i++) {
          assertThat(handOff.offer(new long[] {thread, i})).isTrue();
          if (i % 1_000 == 0) {
            Thread.yield(); // let the writer find an empty queue now and then, and sleep
          }
        }
      }, runnable -> new Thread(runnable).start()));
    }
    CompletableFuture.allOf(offering.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    handOff.close();
    writer.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(writer.isAlive()).isFalse();
    assertThat(received).hasSize(threads);
    received.values().forEach(sequence -> {
      assertThat(sequence).hasSize(perThread);
      for (int i = 0; i < perThread; i++) {
        assertThat(sequence.get(i)).isEqualTo(i);
      }
    });
  }

  /** A thread parked by LockSupport.park (WAITING), not parkNanos (TIMED_WAITING). */
  private static void waitUntilParkedWithoutTimer(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING) {
      assertThat(System.nanoTime()).as("the writer went to sleep").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
