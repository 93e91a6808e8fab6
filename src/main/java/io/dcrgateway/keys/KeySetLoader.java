package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;

/**
 * Gets the current document of one key set, without blocking the caller's thread. Routine
 * failures (unreachable, bad status, too big, not a JWK set) fail with {@link KeySetFetchException}.
 */
interface KeySetLoader {

  /** The public keys the source publishes now. */
  Future<JWKSet> load();

  /** Releases what this loader owns (an HTTP client it created); shared resources stay open. */
  default void close() {
  }
}
