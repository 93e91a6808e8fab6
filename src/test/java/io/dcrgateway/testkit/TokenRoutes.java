package io.dcrgateway.testkit;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.InitialAccessTokenConfig;
import io.dcrgateway.config.InitialAccessTokenConfig.Validation;
import io.dcrgateway.config.RouteConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Routes of {@code registration.routes} taking JWT initial access tokens of a {@link TokenIssuer},
 * on the transport-only profile: for tests about authentication and state, not metadata rules.
 */
public final class TokenRoutes {

  private TokenRoutes() {
  }

  /** JWT validation against {@code jwksUrl}, scope {@code dcr}, one registration per token. */
  public static InitialAccessTokenConfig jwt(String jwksUrl) {
    return new InitialAccessTokenConfig(Validation.JWT, Optional.of(TokenIssuer.ISSUER),
        Optional.of(TokenIssuer.AUDIENCE), Optional.of(URI.create(jwksUrl)),
        InitialAccessTokenConfig.DEFAULT_ALGORITHMS, Optional.empty(), Optional.empty(), Optional.empty(), "dcr",
        Duration.ofSeconds(5), Duration.ZERO, 100, Duration.ofSeconds(3), true, List.of());
  }

  /** Introspection at {@code issuer}'s endpoint with the gateway's credentials. */
  public static InitialAccessTokenConfig introspection(TokenIssuer issuer) {
    return new InitialAccessTokenConfig(Validation.INTROSPECTION, Optional.of(TokenIssuer.ISSUER),
        Optional.empty(), Optional.empty(), List.of(), Optional.of(URI.create(issuer.url("/introspect"))),
        Optional.of(TokenIssuer.GATEWAY_CLIENT), Optional.of(TokenIssuer.GATEWAY_SECRET), "dcr",
        Duration.ofSeconds(5), Duration.ZERO, 100, Duration.ofSeconds(3), false, List.of());
  }

  /** A route on the transport-only profile. */
  public static RouteConfig route(String path, boolean clientCertificate, InitialAccessTokenConfig token) {
    return new RouteConfig(path, TestConfigs.TRANSPORT_ONLY.name(), clientCertificate, Optional.of(token));
  }

  /** {@code config} serving {@code routes} besides its listener's own registration path. */
  public static GatewayConfig withRoutes(GatewayConfig config, RouteConfig... routes) {
    return TestConfigs.withRegistration(config, config.registration().withRoutes(List.of(routes)));
  }
}
