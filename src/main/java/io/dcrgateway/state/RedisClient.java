package io.dcrgateway.state;

import io.dcrgateway.config.StateConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Redis deployment as the stores use it: every command bounded by the configured timeout,
 * every failure turned into {@link SharedStateUnavailableException}, and whether the last exchange
 * worked kept for readiness. The Vert.x client pools connections and reconnects on its own, so a
 * restarted Redis is used again by the next command.
 */
final class RedisClient {

  private final Redis redis;
  private final String prefix;
  private final long timeoutMillis;
  private final AtomicBoolean up = new AtomicBoolean();

  private RedisClient(Redis redis, String prefix, long timeoutMillis) {
    this.redis = redis;
    this.prefix = prefix;
    this.timeoutMillis = timeoutMillis;
  }

  static RedisClient create(Vertx vertx, StateConfig.Redis config) {
    NetClientOptions net = new NetClientOptions()
        .setConnectTimeout((int) Math.max(1, config.timeout().toMillis()))
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true);
    if (config.endpoints().stream().anyMatch(uri -> "rediss".equalsIgnoreCase(uri.getScheme()))) {
      net.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
      config.trust().ifPresent(trust -> net.setTrustOptions(new PemTrustOptions().addCertPath(trust.toString())));
    }
    RedisOptions options = new RedisOptions()
        .setType(switch (config.type()) {
          case STANDALONE -> RedisClientType.STANDALONE;
          case SENTINEL -> RedisClientType.SENTINEL;
          case CLUSTER -> RedisClientType.CLUSTER;
        })
        .setNetClientOptions(net)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(256)
        .setMaxWaitingHandlers(1024);
    config.endpoints().stream().map(URI::toString).forEach(options::addConnectionString);
    config.masterName().ifPresent(options::setMasterName);
    if (config.type() == StateConfig.RedisType.SENTINEL) {
      options.setRole(RedisRole.MASTER);
    }
    config.user().ifPresent(options::setUser);
    config.password().ifPresent(options::setPassword);
    return new RedisClient(Redis.createClient(vertx, options), config.keyPrefix(), config.timeout().toMillis());
  }

  /** The key for {@code parts} under the configured prefix, so one Redis can serve several gateways. */
  String key(String... parts) {
    return prefix + String.join(":", parts);
  }

  /** A nil reply is an empty Optional; an error reply, a timeout or no connection fail the future. */
  Future<Optional<Response>> send(Request request) {
    return redis.send(request)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .andThen(done -> up.set(done.succeeded()))
        .map(Optional::ofNullable)
        .recover(e -> Future.failedFuture(new SharedStateUnavailableException(
            "redis did not answer: " + e.getMessage(), e)));
  }

  boolean up() {
    return up.get();
  }

  Future<Void> close() {
    return redis.close();
  }
}
