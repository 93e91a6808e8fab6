package io.dcrgateway.metrics;

import io.dcrgateway.config.RouteConfig;
import io.dcrgateway.token.TokenObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * {@code dcr_gateway_initial_access_tokens_total{route, validation, result}}: initial access
 * tokens checked on each route and what came of them ({@code valid}, {@code expired},
 * {@code inactive}, {@code insufficient-scope}, {@code bad-signature}, {@code already-used}, ...).
 * {@code bad-signature} climbing means the identity server rotated keys the gateway cannot fetch,
 * or someone is forging tokens; {@code unavailable} results mean the identity server is not answering.
 */
public final class InitialAccessTokenMetrics implements TokenObserver {

  private final MeterRegistry registry;

  InitialAccessTokenMetrics(MeterRegistry registry, List<RouteConfig> routes) {
    this.registry = registry;
    routes.forEach(route -> route.initialAccessToken().ifPresent(token ->
        counter(route.path(), token.validation().name().toLowerCase(Locale.ROOT), "valid")));
  }

  @Override
  public void checked(String route, String validation, String result) {
    counter(route, validation, result).increment();
  }

  private Counter counter(String route, String validation, String result) {
    return Counter.builder("dcr_gateway_initial_access_tokens")
        .description("initial access tokens checked, by route, validation method and result")
        .tag("route", route).tag("validation", validation).tag("result", result)
        .register(registry);
  }
}
