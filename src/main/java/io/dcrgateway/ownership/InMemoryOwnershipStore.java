package io.dcrgateway.ownership;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One instance's memory: lost on restart, not shared. The embedded default. */
public final class InMemoryOwnershipStore implements OwnershipStore {

  private final Map<String, SoftwareIdentity> owners = new ConcurrentHashMap<>();
  /**
   * One identity object per software, shared by all its clients: each registration parses its
   * software and organisation ids afresh, and a copy per client was two thirds of what an entry
   * held (issue 6 heap histogram). Softwares are few and only verified statements name them.
   */
  private final Map<SoftwareIdentity, SoftwareIdentity> identities = new ConcurrentHashMap<>();

  @Override
  public Future<Void> record(String clientId, SoftwareIdentity owner) {
    owners.put(clientId, identities.computeIfAbsent(owner, identity -> identity));
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<SoftwareIdentity>> owner(String clientId) {
    return Future.succeededFuture(Optional.ofNullable(owners.get(clientId)));
  }

  @Override
  public Future<Void> forget(String clientId) {
    owners.remove(clientId);
    return Future.succeededFuture();
  }
}
