package io.dcrgateway.statement;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.fetch.FetchGuard;
import io.dcrgateway.fetch.FetchRefusedException;
import io.dcrgateway.keys.KeySetCache;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Optional;

/**
 * TPP key sets fetched on demand and cached per URL by {@link KeySetCache}. The URL comes from a
 * software statement, so it is vetted before anything is fetched or answered from the cache: a
 * statement naming a loopback, private or plain-http endpoint is refused (400) with nothing sent.
 */
public final class CachedSoftwareKeys implements SoftwareKeys {

  private final KeySetCache cache;
  private final FetchGuard guard;

  public CachedSoftwareKeys(KeySetCache cache) {
    this(cache, FetchGuard.TRUSTED);
  }

  public CachedSoftwareKeys(KeySetCache cache, FetchGuard guard) {
    this.cache = cache;
    this.guard = guard;
  }

  @Override
  public Future<JWKSet> keysFor(URI jwksEndpoint, String kid) {
    return guard.vet(jwksEndpoint)
        .recover(e -> Future.failedFuture(e instanceof FetchRefusedException
            ? new GatewayException(400, ErrorCodes.INVALID_SOFTWARE_STATEMENT, "statement.jwks-endpoint-refused",
                e.getMessage())
            : e))
        .compose(vetted -> cache.keysFor(jwksEndpoint, Optional.ofNullable(kid)));
  }
}
