package io.dcrgateway.ids;

/**
 * 128-bit ids ({@link IdDigest}) and a non-zero {@code long} value each (a replay id's expiry, a
 * client's owner), in flat {@code long} arrays: no object per id. A map of objects cost about 100
 * bytes per id and filled the old generation, so every young collection took longer and a full
 * one walked them all (issue 6: pauses from 1.3 to 7 ms over a minute of registrations). Arrays of
 * longs hold no references, so the collector never scans them.
 *
 * <p>Striped: each segment is an open-addressing table (linear probing, backward-shift removal)
 * under its own lock. Ids are SHA-256 prefixes, so their bits are already uniform: the low word
 * picks the segment, the high word the slot. A value of 0 marks a free slot.
 */
public final class IdTable {

  private static final int SEGMENTS = 32;
  private static final int FIRST_CAPACITY = 64;

  private final Segment[] segments = new Segment[SEGMENTS];

  public IdTable() {
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment();
    }
  }

  /** The id's value, or 0 when absent. */
  public long value(long high, long low) {
    return segment(low).value(high, low);
  }

  /** @return whether the id was absent and is now held with {@code value} (not 0) */
  public boolean putIfAbsent(long high, long low, long value) {
    return segment(low).putIfAbsent(high, low, value);
  }

  /** @return whether the id was held with exactly {@code expected} and now has {@code value} (not 0) */
  public boolean replace(long high, long low, long expected, long value) {
    return segment(low).replace(high, low, expected, value);
  }

  /** @return whether the id was held */
  public boolean remove(long high, long low) {
    return segment(low).remove(high, low);
  }

  /** For values that are expiry times: drops every id whose value is not after {@code now}; returns how many. */
  public int removeExpired(long now) {
    int removed = 0;
    for (Segment segment : segments) {
      removed += segment.removeExpired(now);
    }
    return removed;
  }

  private Segment segment(long low) {
    return segments[(int) (low >>> 59)];
  }

  /** Slots of three longs: high, low, expiry. */
  private static final class Segment {
    private long[] slots = new long[FIRST_CAPACITY * 3];
    private int mask = FIRST_CAPACITY - 1;
    private int count;

    synchronized long value(long high, long low) {
      int slot = find(high, low);
      return slot < 0 ? 0 : slots[slot * 3 + 2];
    }

    synchronized boolean putIfAbsent(long high, long low, long expiresAt) {
      if (find(high, low) >= 0) {
        return false;
      }
      if ((count + 1) * 4 > (mask + 1) * 3) {
        resize((mask + 1) * 2);
      }
      insert(high, low, expiresAt);
      return true;
    }

    synchronized boolean replace(long high, long low, long expected, long expiresAt) {
      int slot = find(high, low);
      if (slot < 0 || slots[slot * 3 + 2] != expected) {
        return false;
      }
      slots[slot * 3 + 2] = expiresAt;
      return true;
    }

    synchronized boolean remove(long high, long low) {
      int slot = find(high, low);
      if (slot < 0) {
        return false;
      }
      delete(slot);
      return true;
    }

    /** Rebuilt from the live ids, at a size that fits them: a table shrinks after a peak. */
    synchronized int removeExpired(long now) {
      int live = 0;
      for (int slot = 0; slot <= mask; slot++) {
        long expiry = slots[slot * 3 + 2];
        if (expiry != 0 && expiry > now) {
          live++;
        }
      }
      int removed = count - live;
      if (removed == 0) {
        return 0;
      }
      long[] old = slots;
      int oldMask = mask;
      int capacity = FIRST_CAPACITY;
      while (live * 2 > capacity) {
        capacity *= 2; // at most half full after a purge, so the next inserts need no resize
      }
      slots = new long[capacity * 3];
      mask = capacity - 1;
      count = 0;
      for (int slot = 0; slot <= oldMask; slot++) {
        long expiry = old[slot * 3 + 2];
        if (expiry != 0 && expiry > now) {
          insert(old[slot * 3], old[slot * 3 + 1], expiry);
        }
      }
      return removed;
    }

    private int find(long high, long low) {
      for (int slot = home(high); ; slot = (slot + 1) & mask) {
        int at = slot * 3;
        if (slots[at + 2] == 0) {
          return -1;
        }
        if (slots[at] == high && slots[at + 1] == low) {
          return slot;
        }
      }
    }

    private void insert(long high, long low, long expiresAt) {
      int slot = home(high);
      while (slots[slot * 3 + 2] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot * 3] = high;
      slots[slot * 3 + 1] = low;
      slots[slot * 3 + 2] = expiresAt;
      count++;
    }

    /** Knuth's removal for linear probing: later entries of the run move back, so no tombstones. */
    private void delete(int slot) {
      int hole = slot;
      for (int next = (hole + 1) & mask; slots[next * 3 + 2] != 0; next = (next + 1) & mask) {
        int home = home(slots[next * 3]);
        // The entry at next may fill the hole unless its home lies cyclically in (hole, next].
        boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
        if (!stays) {
          System.arraycopy(slots, next * 3, slots, hole * 3, 3);
          hole = next;
        }
      }
      slots[hole * 3] = 0;
      slots[hole * 3 + 1] = 0;
      slots[hole * 3 + 2] = 0;
      count--;
    }

    private void resize(int capacity) {
      long[] old = slots;
      int oldMask = mask;
      slots = new long[capacity * 3];
      mask = capacity - 1;
      count = 0;
      for (int slot = 0; slot <= oldMask; slot++) {
        if (old[slot * 3 + 2] != 0) {
          insert(old[slot * 3], old[slot * 3 + 1], old[slot * 3 + 2]);
        }
      }
    }

    private int home(long high) {
      return (int) high & mask;
    }
  }
}
