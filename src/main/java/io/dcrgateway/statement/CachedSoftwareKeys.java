package io.dcrgateway.statement;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.keys.KeySetCache;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Optional;

/** TPP key sets fetched on demand and cached per URL by {@link KeySetCache}. */
public final class CachedSoftwareKeys implements SoftwareKeys {

  private final KeySetCache cache;

  public CachedSoftwareKeys(KeySetCache cache) {
    this.cache = cache;
  }

  @Override
  public Future<JWKSet> keysFor(URI jwksEndpoint, String kid) {
    return cache.keysFor(jwksEndpoint, Optional.ofNullable(kid));
  }
}
