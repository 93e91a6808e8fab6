package io.dcrgateway.token;

import io.dcrgateway.keys.CachedKeySet;
import io.vertx.core.Future;
import java.util.Optional;

/** One way of telling whether the identity server issued a token and still stands by it. */
interface AccessTokenValidator {

  /**
   * @return the token's facts; failed with a {@link io.dcrgateway.error.GatewayException} from
   *     {@link TokenRejections} (401 when the token is not acceptable, 503 when it cannot be told)
   */
  Future<InitialAccessToken> validate(String token);

  /** Fetches what is needed before the first request (keys); a failure is not fatal. */
  Future<Void> start();

  void stop();

  /**
   * The identity server's key set this validator cannot work without, for readiness and metrics;
   * empty when it asks the identity server about each token instead (introspection).
   */
  Optional<CachedKeySet> keys();
}
