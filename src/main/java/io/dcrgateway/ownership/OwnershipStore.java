package io.dcrgateway.ownership;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Remembers which software registered each client, so that management calls can be refused to
 * any other software's certificate (SPEC BRM-03, registration takeover). Asynchronous so a
 * shared store (Redis) can serve several gateway instances.
 */
public interface OwnershipStore {

  Future<Void> record(String clientId, SoftwareIdentity owner);

  Future<Optional<SoftwareIdentity>> owner(String clientId);

  Future<Void> forget(String clientId);
}
