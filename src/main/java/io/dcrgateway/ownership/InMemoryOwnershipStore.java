package io.dcrgateway.ownership;

import io.dcrgateway.ids.IdDigest;
import io.dcrgateway.ids.IdTable;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One instance's memory: lost on restart, not shared. The embedded default.
 *
 * <p>A client is held as its id's digest and the number of its software in a flat table
 * ({@link IdTable}): 24 to 48 bytes and no object per client. As a map of strings, every client
 * ever registered was an object graph the collector walked at each full collection; after a few
 * hundred thousand registrations that walk was the gateway's worst latency (issue 6, half-load
 * p99). Softwares are few and only verified statements name them, so each is one object, kept.
 */
public final class InMemoryOwnershipStore implements OwnershipStore {

  private static final String NAMESPACE = "client-owner";

  private final IdTable owners = new IdTable();
  private final Map<SoftwareIdentity, Long> numbers = new ConcurrentHashMap<>();
  /** Software number n (from 1) at index n - 1; appended to rarely (under its lock), read without one. */
  private final List<SoftwareIdentity> softwares = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> record(String clientId, SoftwareIdentity owner) {
    long number = numbers.computeIfAbsent(owner, this::append);
    IdDigest key = IdDigest.of(NAMESPACE, clientId);
    while (!owners.putIfAbsent(key.high(), key.low(), number)) {
      long held = owners.value(key.high(), key.low());
      if (held == number || held != 0 && owners.replace(key.high(), key.low(), held, number)) {
        break;
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<SoftwareIdentity>> owner(String clientId) {
    IdDigest key = IdDigest.of(NAMESPACE, clientId);
    long number = owners.value(key.high(), key.low());
    return Future.succeededFuture(number == 0 ? Optional.empty() : Optional.of(softwares.get((int) number - 1)));
  }

  @Override
  public Future<Void> forget(String clientId) {
    IdDigest key = IdDigest.of(NAMESPACE, clientId);
    owners.remove(key.high(), key.low());
    return Future.succeededFuture();
  }

  private long append(SoftwareIdentity identity) {
    synchronized (softwares) {
      softwares.add(identity);
      return softwares.size();
    }
  }
}
