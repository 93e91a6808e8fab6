package io.dcrgateway.config;

import io.dcrgateway.config.StateConfig.Redis;
import io.dcrgateway.config.StateConfig.RedisType;
import io.dcrgateway.config.StateConfig.Store;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code state:}, the store shared by gateway instances: memory (default) or Redis. */
final class StateReader {

  private StateReader() {
  }

  static StateConfig read(Section state) {
    state.keys("store", "redis");
    Store store = state.scalar("store").flatMap(s -> s.asOneOf(List.of(Store.values()), StateReader::spelling))
        .orElse(Store.MEMORY);
    Optional<Redis> redis = state.section("redis").map(StateReader::redis);
    if (store == Store.REDIS && redis.isEmpty() && !state.context().hasProblemsAt(state.keyOf("redis"))) {
      state.context().problem(state.keyOf("redis"), "is required when store is redis (at least endpoints)");
    }
    return new StateConfig(store, redis);
  }

  private static Redis redis(Section redis) {
    redis.keys("type", "endpoints", "master-name", "user", "password", "key-prefix", "timeout", "tls-trust");
    RedisType type = redis.scalar("type").flatMap(t -> t.asOneOf(List.of(RedisType.values()), StateReader::spelling))
        .orElse(RedisType.STANDALONE);
    List<URI> endpoints = redis.scalars("endpoints")
        .map(values -> values.stream().map(StateReader::endpoint).flatMap(Optional::stream).toList())
        .orElse(List.of());
    if (endpoints.isEmpty() && !redis.context().hasProblemsAt(redis.keyOf("endpoints"))) {
      redis.context().problem(redis.keyOf("endpoints"), "must list at least one redis:// or rediss:// endpoint");
    }
    Optional<String> masterName = redis.scalar("master-name").map(Scalar::text).filter(s -> !s.isBlank());
    if (type == RedisType.SENTINEL && masterName.isEmpty()) {
      redis.context().problem(redis.keyOf("master-name"), "is required for type sentinel (the monitored master set)");
    }
    return new Redis(type, endpoints, masterName,
        redis.scalar("user").map(Scalar::text).filter(s -> !s.isBlank()),
        redis.scalar("password").map(Scalar::text).filter(s -> !s.isBlank()),
        redis.scalar("key-prefix").map(Scalar::text).orElse(Redis.DEFAULT_KEY_PREFIX),
        redis.scalar("timeout").flatMap(t -> t.asDuration(Duration.ofMillis(50), Duration.ofSeconds(30)))
            .orElse(Redis.DEFAULT_TIMEOUT),
        redis.scalar("tls-trust").flatMap(Scalar::asFile));
  }

  private static Optional<URI> endpoint(Scalar value) {
    try {
      URI uri = new URI(value.text());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("redis") || scheme.equals("rediss")) && uri.getHost() != null && uri.getUserInfo() == null) {
        return Optional.of(uri);
      }
      if (uri.getUserInfo() != null) {
        value.problem("must not contain credentials; use user and password (e.g. password: ${REDIS_PASSWORD})");
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    value.reject("a redis://host:port or rediss://host:port URL");
    return Optional.empty();
  }

  private static String spelling(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
