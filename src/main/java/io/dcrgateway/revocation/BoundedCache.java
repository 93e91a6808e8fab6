package io.dcrgateway.revocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers kept until they expire, at most {@code capacity} of them (least recently used leave
 * first): a flood of distinct certificates must not grow the gateway's memory without bound.
 * Shared by the event loops, hence synchronised; every operation is a map lookup.
 */
final class BoundedCache<K, V> {

  private final Map<K, V> entries;

  BoundedCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Optional<V> get(K key, Predicate<V> stillValid) {
    V value = entries.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!stillValid.test(value)) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  synchronized int size() {
    return entries.size();
  }
}
