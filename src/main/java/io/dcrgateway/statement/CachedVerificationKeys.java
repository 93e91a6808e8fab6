package io.dcrgateway.statement;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeySnapshot;
import io.dcrgateway.keys.KeySetUnavailableException;
import io.vertx.core.Future;
import java.util.Optional;

/** A directory's keys as kept fresh by {@link CachedKeySet}. */
public final class CachedVerificationKeys implements VerificationKeys {

  private final CachedKeySet keys;

  public CachedVerificationKeys(CachedKeySet keys) {
    this.keys = keys;
  }

  @Override
  public Optional<JWKSet> current() {
    KeySnapshot snapshot = keys.current();
    return snapshot.usable() ? Optional.of(snapshot.keys()) : Optional.empty();
  }

  @Override
  public Future<Optional<JWKSet>> refreshFor(String kid) {
    return keys.refreshForUnknownKid(kid)
        .map(Optional::of)
        .recover(e -> e instanceof KeySetUnavailableException
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
  }
}
