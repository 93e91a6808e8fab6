package io.dcrgateway.replay;

import io.dcrgateway.ids.IdDigest;
import io.dcrgateway.ids.IdTable;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A replay store for one gateway instance. Thread-safe without locks: each id is claimed with
 * {@code putIfAbsent}, or by replacing an expired record with {@code replace(key, old, new)}, so of
 * any number of concurrent first uses exactly one wins.
 *
 * <p>Bounded. Ids are stored as a 128-bit digest of namespace and id, so an entry costs the same
 * whatever length of {@code jti} a sender chooses (24 to 48 bytes in {@link IdTable}, no object
 * per id); and the number of unexpired entries is capped.
 * At the cap the store first purges expired entries (at most once a second, since a purge walks
 * the whole map); if that frees nothing it <em>fails closed</em>: {@link #firstUse} fails with
 * {@link ReplayStoreUnavailableException} and the request is refused with 503. The alternatives
 * are worse: evicting unexpired ids would let exactly those tokens be replayed, and growing without
 * bound lets a flood of distinct tokens take the gateway down for everyone.
 *
 * <p>Expired entries are otherwise removed by {@link #purgeExpired()}, which {@link ExpiredIdPurge}
 * runs periodically off the event loop.
 */
public final class InMemoryReplayStore implements ReplayStore {

  public static final int DEFAULT_MAX_ENTRIES = 1_000_000;
  private static final Duration FULL_STORE_PURGE_GAP = Duration.ofSeconds(1);

  private final Clock clock;
  private final int maxEntries;
  private final IdTable entries = new IdTable();
  // Counts entries separately from the map so the cap holds exactly under concurrent inserts.
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicReference<Instant> lastFullStorePurge = new AtomicReference<>(Instant.MIN);

  public InMemoryReplayStore(Clock clock) {
    this(clock, DEFAULT_MAX_ENTRIES);
  }

  public InMemoryReplayStore(Clock clock, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxEntries = maxEntries;
  }

  /**
   * Answers at once (no I/O). An {@code expiresAt} not after now is refused with
   * {@link IllegalArgumentException}: recording it would protect nothing, so it means the caller
   * forgot to add its leeway or accepted an expired token.
   */
  @Override
  public Future<Boolean> firstUse(String namespace, String id, Instant expiresAt) {
    try {
      return Future.succeededFuture(claim(namespace, id, expiresAt));
    } catch (ReplayStoreUnavailableException | IllegalArgumentException | NullPointerException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<Void> release(String namespace, String id) {
    IdDigest key = IdDigest.of(namespace, id);
    if (entries.remove(key.high(), key.low())) {
      size.decrementAndGet();
    }
    return Future.succeededFuture();
  }

  /** Removes every expired entry; returns how many. Walks the whole map: call it off the event loop. */
  public int purgeExpired() {
    int removed = entries.removeExpired(clock.millis());
    size.addAndGet(-removed);
    return removed;
  }

  /** Entries held, expired ones not yet purged included. */
  public int size() {
    return size.get();
  }

  private boolean claim(String namespace, String id, Instant expiresAt) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after now (" + now + ")");
    }
    IdDigest key = IdDigest.of(namespace, id);
    long nowMillis = now.toEpochMilli();
    // Rounded up: an id is never taken as expired before its expiry.
    long expires = expiresAt.toEpochMilli() + (expiresAt.getNano() % 1_000_000 == 0 ? 0 : 1);
    long recorded = entries.value(key.high(), key.low());
    while (true) {
      if (recorded != 0) {
        if (recorded > nowMillis) {
          return false;
        }
        if (entries.replace(key.high(), key.low(), recorded, expires)) {
          return true;
        }
      } else {
        reserveSlot(now);
        if (entries.putIfAbsent(key.high(), key.low(), expires)) {
          return true;
        }
        size.decrementAndGet();
      }
      // Lost a race with another claim or a purge: look again.
      recorded = entries.value(key.high(), key.low());
    }
  }

  private void reserveSlot(Instant now) {
    while (true) {
      int current = size.get();
      if (current < maxEntries) {
        if (size.compareAndSet(current, current + 1)) {
          return;
        }
      } else if (!purgedWhileFull(now)) {
        throw new ReplayStoreUnavailableException("replay store is full (" + maxEntries
            + " unexpired ids); refusing rather than risk accepting a replayed token");
      }
    }
  }

  private boolean purgedWhileFull(Instant now) {
    Instant last = lastFullStorePurge.get();
    if (now.isBefore(last.plus(FULL_STORE_PURGE_GAP)) || !lastFullStorePurge.compareAndSet(last, now)) {
      return false;
    }
    return purgeExpired() > 0;
  }
}
