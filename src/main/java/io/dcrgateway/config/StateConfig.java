package io.dcrgateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the state several gateway instances must share lives: which statement and request ids
 * were used (replay) and which software registered each client (management ownership). In memory
 * (one instance, the default) or in Redis.
 */
public record StateConfig(Store store, Optional<Redis> redis) {

  public static final StateConfig MEMORY = new StateConfig(Store.MEMORY, Optional.empty());

  public enum Store { MEMORY, REDIS }

  public enum RedisType { STANDALONE, SENTINEL, CLUSTER }

  /**
   * @param endpoints {@code redis://host:port} or {@code rediss://} (TLS); the sentinels for SENTINEL,
   *     seed nodes for CLUSTER
   * @param masterName the Sentinel master set, required for SENTINEL
   * @param trust CA certificates (PEM) for {@code rediss://}; empty: the JVM's default trust
   * @param timeout for connecting and for each command: past it the store counts as unavailable
   */
  public record Redis(RedisType type, List<URI> endpoints, Optional<String> masterName, Optional<String> user,
      Optional<String> password, String keyPrefix, Duration timeout, Optional<Path> trust) {

    public static final String DEFAULT_KEY_PREFIX = "dcr-gateway:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    public Redis {
      endpoints = List.copyOf(endpoints);
    }

    /** Never the password: this is what logs and check-config print. */
    @Override
    public String toString() {
      return "Redis[" + type + " " + endpoints + masterName.map(m -> " master " + m).orElse("")
          + user.map(u -> " user " + u).orElse("") + (password.isPresent() ? " password ***" : "")
          + " prefix " + keyPrefix + " timeout " + timeout + "]";
    }
  }
}
