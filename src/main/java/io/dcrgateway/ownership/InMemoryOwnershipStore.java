package io.dcrgateway.ownership;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One instance's memory: lost on restart, not shared. The embedded default. */
public final class InMemoryOwnershipStore implements OwnershipStore {

  private final Map<String, SoftwareIdentity> owners = new ConcurrentHashMap<>();

  @Override
  public Future<Void> record(String clientId, SoftwareIdentity owner) {
    owners.put(clientId, owner);
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
