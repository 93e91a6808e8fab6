package io.dcrgateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Introspection answers kept for a short, bounded time: at most {@code ttl}, never past the
 * token's own {@code exp}, at most {@code capacity} of them (least recently used go first).
 * Keyed by the token's SHA-256, so the cache holds no usable token. A token revoked at the
 * identity server is still accepted for at most {@code ttl}: the price of not asking every time.
 */
final class IntrospectionCache {

  /** An answer: the token's facts when active, empty when the identity server said inactive. */
  record Answer(Optional<InitialAccessToken> active) {
  }

  private record Entry(Answer answer, Instant until) {
  }

  private final Duration ttl;
  private final Clock clock;
  // Guarded by this: servers on several event loops share one cache; held for map operations only.
  private final LinkedHashMap<String, Entry> entries;

  IntrospectionCache(Duration ttl, int capacity, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      // Qualified: inside a LinkedHashMap subclass, JDK 25's javac reads a bare Entry as Map.Entry.
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, IntrospectionCache.Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Optional<Answer> get(String token) {
    String key = keyOf(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.until())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.answer());
  }

  synchronized void put(String token, Answer answer) {
    if (ttl.isZero()) {
      return;
    }
    Instant until = clock.instant().plus(ttl);
    Optional<Instant> exp = answer.active().flatMap(InitialAccessToken::expiresAt);
    if (exp.isPresent() && exp.get().isBefore(until)) {
      until = exp.get();
    }
    entries.put(keyOf(token), new Entry(answer, until));
  }

  synchronized int size() {
    return entries.size();
  }

  private static String keyOf(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
