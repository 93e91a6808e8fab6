package io.dcrgateway.token;

import io.dcrgateway.config.InitialAccessTokenConfig;
import io.dcrgateway.config.InitialAccessTokenConfig.Validation;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.replay.Claimed;
import io.dcrgateway.replay.ReplayStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Stage initial-access-token of one route: the bearer token is present, valid (JWT or
 * introspection) and holds the route's scope; and, when the route says so, it registers one
 * client only (its {@code jti} claimed in the shared replay store, released if the identity
 * server does not act, like a software statement's).
 */
public final class InitialAccessTokenGate {

  private final String route;
  private final InitialAccessTokenConfig config;
  private final AccessTokenValidator validator;
  private final ReplayStore replay;
  private final TokenObserver observer;
  private final String validation;

  InitialAccessTokenGate(String route, InitialAccessTokenConfig config, AccessTokenValidator validator,
      ReplayStore replay, TokenObserver observer) {
    this.route = route;
    this.config = config;
    this.validator = validator;
    this.replay = replay;
    this.observer = observer;
    this.validation = config.validation().name().toLowerCase(Locale.ROOT);
  }

  public static InitialAccessTokenGate create(Vertx vertx, String route, InitialAccessTokenConfig config,
      ReplayStore replay, TokenObserver observer, Clock clock) {
    AccessTokenValidator validator = config.validation() == Validation.JWT
        ? new JwtAccessTokens(vertx, config)
        : new IntrospectedTokens(vertx, config, clock);
    return new InitialAccessTokenGate(route, config, validator, replay, observer);
  }

  public InitialAccessTokenConfig config() {
    return config;
  }

  /** Loads the identity server's keys (JWT); not reaching it yet is not fatal (503 until it answers). */
  public Future<Void> start() {
    return validator.start();
  }

  public void stop() {
    validator.stop();
  }

  /** The identity server's JWKS (JWT validation), for readiness and metrics; empty for introspection. */
  public Optional<CachedKeySet> keys() {
    return validator.keys();
  }

  /** Fails with 401 {@code invalid_token}, 403 {@code insufficient_scope} or 503. */
  public Future<InitialAccessToken> authenticate(MultiMap headers) {
    Future<InitialAccessToken> checked;
    try {
      checked = validator.validate(BearerToken.of(headers)).map(this::withScope);
    } catch (GatewayException e) {
      checked = Future.failedFuture(e);
    }
    return checked.andThen(done -> observer.checked(route, validation, done.succeeded() ? "valid"
        : done.cause() instanceof GatewayException e ? e.reason().replaceFirst("^token\\.", "") : "error"));
  }

  /** RFC 6750 §3.1: valid, but not for registration. */
  private InitialAccessToken withScope(InitialAccessToken token) {
    if (!token.scopes().contains(config.scope())) {
      throw TokenRejections.insufficientScope(config.scope());
    }
    return token;
  }

  /**
   * One registration per token, when configured: its {@code jti} recorded until it expires. Not
   * configured: nothing recorded. The claim travels with the request's other claims (statement,
   * request JWT) and is released with them when the identity server does not act, so a token
   * whose registration was refused upstream may register again, through any instance.
   */
  public Future<Optional<Claimed>> claimOnce(InitialAccessToken token) {
    if (!config.onePerToken()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (token.jti().isEmpty()) {
      return Future.failedFuture(rejected(TokenRejections.invalid("token.jti-missing",
          "the token has no jti, so its single use cannot be enforced")));
    }
    // A jti is unique per issuer (RFC 7519 §4.1.7): counted per issuer, so routes that take the
    // same identity server's tokens share one use.
    String namespace = "iat:" + issuerOf(token);
    Instant until = token.expiresAt().orElseGet(() -> Instant.now().plus(java.time.Duration.ofHours(24)))
        .plus(config.clockSkew());
    return replay.firstUse(namespace, token.jti().get(), until)
        .recover(e -> Future.failedFuture(TokenRejections.unavailable("token.replay-store-unavailable",
            "the gateway cannot record the token's use right now; retry later")))
        .compose(first -> first ? Future.succeededFuture(Optional.of(new Claimed(namespace, token.jti().get())))
            : Future.<Optional<Claimed>>failedFuture(rejected(TokenRejections.invalid("token.already-used",
                "this initial access token has registered a client already; get a new token"))));
  }

  private String issuerOf(InitialAccessToken token) {
    if (token.claims().getValue("iss") instanceof String iss && !iss.isBlank()) {
      return iss;
    }
    return config.issuer().or(() -> config.introspectionUrl().map(Object::toString)).orElse(route);
  }

  private GatewayException rejected(GatewayException e) {
    observer.checked(route, validation, e.reason().replaceFirst("^token\\.", ""));
    return e;
  }
}
