package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.StateConfig.RedisType;
import io.dcrgateway.config.StateConfig.Store;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state:}: memory by default; Redis with its endpoints, credentials from the environment. */
class StateConfigTest {

  @TempDir
  Path dir;

  @Test
  void stateIsInMemoryUnlessConfigured() {
    assertThat(ConfigFixture.minimal(dir).load().state()).isEqualTo(StateConfig.MEMORY);
  }

  @Test
  void redisTakesItsPasswordFromTheEnvironmentAndNeverPrintsIt() {
    StateConfig state = ConfigFixture.minimal(dir)
        .env("REDIS_PASSWORD", "s3cret")
        .with("state.store", "redis")
        .with("state.redis.type", "sentinel")
        .with("state.redis.endpoints", List.of("redis://sentinel-0:26379", "redis://sentinel-1:26379"))
        .with("state.redis.master-name", "dcr")
        .with("state.redis.password", "${REDIS_PASSWORD}")
        .with("state.redis.timeout", "250ms")
        .load().state();

    StateConfig.Redis redis = state.redis().orElseThrow();
    assertThat(state.store()).isEqualTo(Store.REDIS);
    assertThat(redis.type()).isEqualTo(RedisType.SENTINEL);
    assertThat(redis.endpoints()).containsExactly(URI.create("redis://sentinel-0:26379"),
        URI.create("redis://sentinel-1:26379"));
    assertThat(redis.masterName()).contains("dcr");
    assertThat(redis.password()).contains("s3cret");
    assertThat(redis.user()).isEmpty();
    assertThat(redis.keyPrefix()).isEqualTo("dcr-gateway:");
    assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(redis.trust()).isEqualTo(Optional.empty());
    assertThat(redis.toString()).doesNotContain("s3cret").contains("password ***");
  }

  @Test
  void redisStoreNeedsEndpoints() {
    assertThat(ConfigFixture.minimal(dir).with("state.store", "redis").problems())
        .containsExactly(new ConfigProblem("state.redis", "is required when store is redis (at least endpoints)"));
  }

  @Test
  void sentinelNeedsTheMasterName() {
    assertThat(ConfigFixture.minimal(dir).with("state.store", "redis").with("state.redis.type", "sentinel")
        .with("state.redis.endpoints", List.of("redis://s:26379")).problems())
        .containsExactly(new ConfigProblem("state.redis.master-name",
            "is required for type sentinel (the monitored master set)"));
  }

  @Test
  void credentialsInTheEndpointAreRefused() {
    assertThat(ConfigFixture.minimal(dir).with("state.store", "redis")
        .with("state.redis.endpoints", List.of("redis://u:p@r:6379", "http://r:6379")).problems())
        .containsExactly(
            new ConfigProblem("state.redis.endpoints[0]",
                "must not contain credentials; use user and password (e.g. password: ${REDIS_PASSWORD})"),
            new ConfigProblem("state.redis.endpoints[1]",
                "must be a redis://host:port or rediss://host:port URL, got \"http://r:6379\""));
  }

  @Test
  void unknownStoreIsNamed() {
    assertThat(ConfigFixture.minimal(dir).with("state.store", "etcd").problems())
        .containsExactly(new ConfigProblem("state.store", "must be memory or redis, got \"etcd\""));
  }
}
