package io.dcrgateway.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The flat id table answers like a map: checked against {@link HashMap} over random operations,
 * with ids crowded onto few slots so that probing runs wrap, grow and shift back on removal.
 */
class IdTableTest {

  private record Id(long high, long low) {
  }

  @Test
  void behavesLikeAMapOverRandomOperationsWithCrowdedSlots() {
    SplittableRandom random = new SplittableRandom(7);
    IdTable table = new IdTable();
    Map<Id, Long> model = new HashMap<>();
    List<Id> known = new ArrayList<>();
    for (int op = 0; op < 200_000; op++) {
      // Few distinct low bits in high: long probe runs; low's top bits: a handful of segments.
      Id id = known.isEmpty() || random.nextInt(3) == 0
          ? new Id(random.nextLong() & 0xFFFF_0000_0000_00FFL, (long) random.nextInt(3) << 59 | random.nextInt(1000))
          : known.get(random.nextInt(known.size()));
      long expiry = 1 + random.nextInt(1000);
      switch (random.nextInt(4)) {
        case 0 -> {
          boolean absent = !model.containsKey(id);
          assertThat(table.putIfAbsent(id.high(), id.low(), expiry)).isEqualTo(absent);
          if (absent) {
            model.put(id, expiry);
            known.add(id);
          }
        }
        case 1 -> assertThat(table.remove(id.high(), id.low())).isEqualTo(model.remove(id) != null);
        case 2 -> {
          Long held = model.get(id);
          long expected = held != null && random.nextBoolean() ? held : expiry;
          boolean replaced = held != null && held == expected;
          assertThat(table.replace(id.high(), id.low(), expected, expiry + 1000)).isEqualTo(replaced);
          if (replaced) {
            model.put(id, expiry + 1000);
          }
        }
        default -> assertThat(table.value(id.high(), id.low())).isEqualTo(model.getOrDefault(id, 0L));
      }
      if (op % 20_000 == 19_999) {
        long now = random.nextInt(1200);
        int expired = (int) model.values().stream().filter(e -> e <= now).count();
        model.values().removeIf(e -> e <= now);
        assertThat(table.removeExpired(now)).isEqualTo(expired);
      }
    }
    for (Id id : known) {
      assertThat(table.value(id.high(), id.low())).isEqualTo(model.getOrDefault(id, 0L));
    }
  }

  @Test
  void aPurgeKeepsTheIdsNotYetExpiredAndFreesTheRest() {
    IdTable table = new IdTable();
    for (long i = 1; i <= 100_000; i++) {
      table.putIfAbsent(i * 0x9E3779B97F4A7C15L, i << 40, i % 2 == 0 ? 500 : 1500);
    }

    assertThat(table.removeExpired(1000)).isEqualTo(50_000);
    assertThat(table.value(2 * 0x9E3779B97F4A7C15L, 2L << 40)).isZero();
    assertThat(table.value(3 * 0x9E3779B97F4A7C15L, 3L << 40)).isEqualTo(1500);
    assertThat(table.removeExpired(1000)).isZero();
  }
}
