package io.dcrgateway.metrics;

import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeyAvailability;
import io.dcrgateway.keys.KeySetHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One directory's JWKS as an operator watches it: how many keys are served, how old they are
 * (stale keys mean statements are answered 503 once {@code max-staleness} passes), and how
 * often fetching fails. Everything is read from {@link CachedKeySet#health()} at scrape time.
 */
final class KeySetGauges {

  private KeySetGauges() {
  }

  private static final List<String> NAMES = List.of("dcr_gateway_jwks_keys", "dcr_gateway_jwks_available",
      "dcr_gateway_jwks_age_seconds", "dcr_gateway_jwks_fetches", "dcr_gateway_jwks_fetch_failures");

  /** Removes every directory's series: a reload registers its own key sets afresh. */
  static void removeAll(MeterRegistry registry) {
    NAMES.forEach(name -> List.copyOf(registry.find(name).meters()).forEach(registry::remove));
  }

  static void register(MeterRegistry registry, Clock clock, String directory, CachedKeySet keys) {
    Gauge.builder("dcr_gateway_jwks_keys", keys, k -> k.health().keyCount())
        .tag("directory", directory)
        .description("keys in the directory's JWKS currently served (0 while unavailable)")
        .register(registry);
    Gauge.builder("dcr_gateway_jwks_available", keys,
            k -> k.health().availability() == KeyAvailability.AVAILABLE ? 1 : 0)
        .tag("directory", directory)
        .description("1 while the directory's keys may be used; 0 never fetched or stale (statements get 503)")
        .register(registry);
    Gauge.builder("dcr_gateway_jwks_age_seconds", keys, k -> ageSeconds(k.health(), clock))
        .tag("directory", directory)
        .description("seconds since the directory's JWKS was last fetched successfully (NaN: never)")
        .register(registry);
    FunctionCounter.builder("dcr_gateway_jwks_fetches", keys, k -> k.health().fetches())
        .tag("directory", directory)
        .description("JWKS fetch attempts, successful or not")
        .register(registry);
    FunctionCounter.builder("dcr_gateway_jwks_fetch_failures", keys, k -> k.health().failures())
        .tag("directory", directory)
        .description("failed JWKS fetch attempts")
        .register(registry);
  }

  static double ageSeconds(KeySetHealth health, Clock clock) {
    return health.lastSuccess()
        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
        .orElse(Double.NaN);
  }
}
