package io.dcrgateway.state;

import io.dcrgateway.ownership.OwnershipStore;
import io.dcrgateway.ownership.SoftwareIdentity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.Optional;

/**
 * Which software registered each client, in Redis: a registration made through one instance can
 * be managed through any other, and by no other software. Kept until the client is deleted
 * through the gateway.
 */
final class RedisOwnershipStore implements OwnershipStore {

  private final RedisClient redis;

  RedisOwnershipStore(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> record(String clientId, SoftwareIdentity owner) {
    String value = new JsonObject().put("software_id", owner.softwareId()).put("org_id", owner.orgId()).encode();
    return redis.send(Request.cmd(Command.SET).arg(redis.key("owner", clientId)).arg(value)).mapEmpty();
  }

  @Override
  public Future<Optional<SoftwareIdentity>> owner(String clientId) {
    return redis.send(Request.cmd(Command.GET).arg(redis.key("owner", clientId)))
        .map(reply -> reply.map(value -> {
          JsonObject json = new JsonObject(value.toString());
          return new SoftwareIdentity(json.getString("software_id"), json.getString("org_id"));
        }));
  }

  @Override
  public Future<Void> forget(String clientId) {
    return redis.send(Request.cmd(Command.DEL).arg(redis.key("owner", clientId))).mapEmpty();
  }
}
